using Consultancy.Application.Clients;
using Consultancy.Application.Common.Exceptions;
using Consultancy.Application.Domain;
using Consultancy.Application.Playbooks;
using Consultancy.Application.Privacy;
using Consultancy.Application.ProgramApplications;
using Consultancy.Application.RankLists;
using Consultancy.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Tests.Application;

/// <summary>A client's applications, interviews and rank order list: the spreadsheet a consultancy keeps per client.</summary>
public sealed class ProgramApplicationTests : IAsyncLifetime
{
    private const string Season = "ERAS 2028";
    private ApplicationHarness _app = null!;
    private TestUser _maya = null!;
    private TestUser _daniel = null!;

    public async Task InitializeAsync()
    {
        _app = await ApplicationHarness.StartAsync();
        _maya = await _app.ConsultantAsync("maya.programs@consultancy.test");
        _daniel = await _app.ConsultantAsync("daniel.programs@consultancy.test");
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    /// <summary>Graduated 2016, Step 2 CK 238, needs a J-1, internal medicine through ERAS 2028.</summary>
    private async Task<int> ClientAsync(TestUser consultant) =>
        await _app.SendAsync(consultant, ClientBuilder.NewClient("Amina", "Yusuf") with { GraduationYear = 2016, Step2CkScore = 238 });

    private async Task<int[]> ApplyAsync(int clientId, params ResidencyProgram[] programs)
    {
        var ids = await _app.AddAsync(programs);
        await _app.SendAsync(_maya, new AddApplications(clientId, Season, ids));
        return await _app.QueryAsync(db => db.ProgramApplications.Where(a => a.ClientId == clientId)
            .OrderBy(a => a.Id).Select(a => a.Id).ToArrayAsync());
    }

    [Fact]
    public async Task Finding_programs_lists_the_clients_specialty_and_system_best_fit_first_then_the_highest_IMG_share()
    {
        var clientId = await ClientAsync(_maya);
        await _app.AddAsync(
            ProgramBuilder.Program("Too strict IM", imgShare: 90, maximumYears: 5),
            ProgramBuilder.Program("Open IM low share", imgShare: 20, minimumStep2: 220, maximumYears: 15),
            ProgramBuilder.Program("Open IM high share", imgShare: 60, minimumStep2: 220, maximumYears: 15),
            ProgramBuilder.Program("Surgery program", specialty: "General Surgery", minimumStep2: 200, maximumYears: 20),
            ProgramBuilder.Program("Canadian IM", system: ProgramSystem.CaRMS));

        var found = await _app.SendAsync(_maya, new FindProgramsForClient(clientId));

        Assert.Equal(Season, found.Applicant.SeasonName);
        Assert.Equal(["Open IM high share", "Open IM low share", "Too strict IM"], found.Candidates.Items.Select(c => c.Name));
        Assert.Equal(FitResult.NotMet, found.Candidates.Items[2].Fit.Overall);
        Assert.Contains("graduated 2016: 11 years, program accepts ≤ 5", found.Candidates.Items[2].Fit.Checks.Select(c => c.Reason));
        var every = await _app.SendAsync(_maya, new FindProgramsForClient(clientId, AllSpecialties: true));
        Assert.Contains(every.Candidates.Items, c => c.Name == "Surgery program");
        Assert.DoesNotContain(every.Candidates.Items, c => c.Name == "Canadian IM");
    }

    [Fact]
    public async Task Adding_several_programs_at_once_skips_those_already_there_and_marks_them_in_the_search()
    {
        var clientId = await ClientAsync(_maya);
        var ids = await _app.AddAsync(ProgramBuilder.Program("First IM"), ProgramBuilder.Program("Second IM"));

        Assert.Equal(2, await _app.SendAsync(_maya, new AddApplications(clientId, Season, ids)));
        Assert.Equal(0, await _app.SendAsync(_maya, new AddApplications(clientId, Season, ids)));

        var found = await _app.SendAsync(_maya, new FindProgramsForClient(clientId));
        Assert.All(found.Candidates.Items, c => Assert.True(c.AlreadyAdded));
        var page = await _app.SendAsync(_maya, new GetClientApplications(clientId));
        Assert.Equal(2, page.Applications.Count);
        Assert.All(page.Applications, a => Assert.Equal(ApplicationStatus.Researching, a.Status));
        var timeline = (await _app.SendAsync(_maya, new GetClientDetails(clientId))).Timeline;
        Assert.Contains(timeline, t => t.EntityType == nameof(ProgramApplication) && t.Action == AuditAction.Created
            && t.Changes.Contains(new AuditFieldChange("Program", null, "First IM (Internal Medicine)")));
    }

    [Fact]
    public async Task Another_consultants_client_has_no_applications_to_see_or_change()
    {
        var clientId = await ClientAsync(_maya);
        var applicationId = (await ApplyAsync(clientId, ProgramBuilder.Program("Private IM")))[0];

        await Assert.ThrowsAsync<NotFoundException>(() => _app.SendAsync(_daniel, new GetClientApplications(clientId)));
        await Assert.ThrowsAsync<NotFoundException>(() => _app.SendAsync(_daniel, new GetApplicationDetails(applicationId)));
        await Assert.ThrowsAsync<NotFoundException>(() => _app.SendAsync(_daniel, new ChangeApplicationStatus(applicationId, ApplicationStatus.Withdrawn)));
        await Assert.ThrowsAsync<NotFoundException>(() => _app.SendAsync(_daniel, new GetRankList(clientId, Season)));
        await Assert.ThrowsAsync<NotFoundException>(() => _app.SendAsync(_daniel,
            new ChangeRankList { ClientId = clientId, Season = Season, Change = RankListChange.Add, ApplicationId = applicationId }));
        Assert.Empty(await _app.QueryAsAsync(_daniel, db => db.ProgramApplications.ToListAsync()));
        Assert.Equal(ApplicationStatus.Researching, await _app.QueryAsync(db => db.ProgramApplications.Select(a => a.Status).SingleAsync()));
    }

    [Fact]
    public async Task Bulk_actions_mark_applied_set_the_tier_and_withdraw_a_selection_each_change_dated()
    {
        var clientId = await ClientAsync(_maya);
        var ids = await ApplyAsync(clientId, ProgramBuilder.Program("A IM"), ProgramBuilder.Program("B IM"), ProgramBuilder.Program("C IM"));

        Assert.Equal(2, await _app.SendAsync(_maya, new ChangeApplications(clientId, ids[..2], BulkApplicationAction.MarkApplied)));
        Assert.Equal(3, await _app.SendAsync(_maya, new ChangeApplications(clientId, ids, BulkApplicationAction.SetTier, ApplicationTier.Target)));
        _app.Clock.Advance(TimeSpan.FromDays(3));
        Assert.Equal(1, await _app.SendAsync(_maya, new ChangeApplications(clientId, [ids[1]], BulkApplicationAction.Withdraw)));

        var rows = await _app.QueryAsync(db => db.ProgramApplications.OrderBy(a => a.Id).ToListAsync());
        Assert.Equal([ApplicationStatus.Applied, ApplicationStatus.Withdrawn, ApplicationStatus.Researching], rows.Select(r => r.Status));
        Assert.All(rows, r => Assert.Equal(ApplicationTier.Target, r.Tier));
        Assert.Equal(new DateOnly(2026, 11, 25), rows[0].AppliedOn);
        Assert.Equal(_app.Clock.GetUtcNow().UtcDateTime, rows[1].StatusChangedAt);
        var invalid = await Assert.ThrowsAsync<ValidationException>(() =>
            _app.SendAsync(_maya, new ChangeApplications(clientId, ids, BulkApplicationAction.SetTier)));
        Assert.Contains("Choose the tier to set.", invalid.Errors["Tier"]);
    }

    [Fact]
    public async Task An_invite_opens_a_deadline_to_answer_it_with_reminders_and_withdrawing_cancels_it()
    {
        var clientId = await ClientAsync(_maya);
        var id = (await ApplyAsync(clientId, ProgramBuilder.Program("Invite IM")))[0];

        await _app.SendAsync(_maya, new ChangeApplicationStatus(id, ApplicationStatus.InterviewInvited));

        var application = await _app.QueryAsync(db => db.ProgramApplications.Include(a => a.InviteDeadline).SingleAsync(a => a.Id == id));
        var reply = application.InviteDeadline!;
        // 48 hours after 14:00 UTC on 25 Nov is 15:00 on 27 Nov in Lagos.
        Assert.Equal(("Answer the interview invite from Invite IM", new DateOnly(2026, 11, 27), new TimeOnly(15, 0), DeadlineCategory.Interview),
            (reply.Title, reply.DueDate, reply.DueTime, reply.Category));
        Assert.Equal(new DateOnly(2026, 11, 25), application.InvitedOn);
        var reminders = await _app.QueryAsync(db => db.OutboxMessages.Where(m => m.DeadlineId == reply.Id).OrderBy(m => m.DueAt).ToListAsync());
        // 24 and 2 hours before the answer is due (14:00 UTC on 27 Nov), not at the morning send hour.
        Assert.Equal([new DateTime(2026, 11, 26, 14, 0, 0, DateTimeKind.Utc), new DateTime(2026, 11, 27, 12, 0, 0, DateTimeKind.Utc)],
            reminders.Select(r => r.DueAt));
        Assert.All(reminders, r => Assert.Equal(OutboxStatus.Pending, r.Status));

        await _app.SendAsync(_maya, new ChangeApplicationStatus(id, ApplicationStatus.Withdrawn));

        Assert.Equal(DeadlineStatus.Cancelled, await _app.QueryAsync(db => db.Deadlines.Where(d => d.Id == reply.Id).Select(d => d.Status).SingleAsync()));
        Assert.All(await _app.QueryAsync(db => db.OutboxMessages.Where(m => m.DeadlineId == reply.Id).ToListAsync()),
            r => Assert.Equal(OutboxStatus.Cancelled, r.Status));
    }

    [Fact]
    public async Task A_scheduled_interview_is_a_deadline_at_its_time_in_the_applicants_zone_reminded_7_days_and_1_day_before()
    {
        var clientId = await ClientAsync(_maya);
        var id = (await ApplyAsync(clientId, ProgramBuilder.Program("Chicago IM", timeZone: "America/Chicago")))[0];
        await _app.SendAsync(_maya, new ChangeApplicationStatus(id, ApplicationStatus.InterviewInvited));

        await _app.SendAsync(_maya, new ScheduleInterview { Id = id, Date = new DateOnly(2026, 12, 15), Time = new TimeOnly(9, 0), Format = InterviewFormat.Virtual });

        var application = await _app.QueryAsync(db => db.ProgramApplications.Include(a => a.InterviewDeadline).Include(a => a.InviteDeadline).SingleAsync(a => a.Id == id));
        Assert.Equal(ApplicationStatus.InterviewScheduled, application.Status);
        // 09:00 in Chicago (UTC−6 in December) is 15:00 UTC, 16:00 in Lagos.
        Assert.Equal(new DateTime(2026, 12, 15, 15, 0, 0, DateTimeKind.Utc), application.InterviewAtUtc);
        var interview = application.InterviewDeadline!;
        Assert.Equal(("Interview: Chicago IM (virtual)", new DateOnly(2026, 12, 15), new TimeOnly(16, 0)), (interview.Title, interview.DueDate, interview.DueTime));
        Assert.Equal(new ReminderOffsets([7, 1]), interview.ReminderOffsets);
        Assert.Equal(DeadlineStatus.Done, application.InviteDeadline!.Status);
        var reminders = await _app.QueryAsync(db => db.OutboxMessages.Where(m => m.DeadlineId == interview.Id).OrderBy(m => m.DueAt).Select(m => m.DueAt).ToListAsync());
        // At the send hour (09:00 Lagos, 08:00 UTC) 7 days and 1 day before.
        Assert.Equal([new DateTime(2026, 12, 8, 8, 0, 0, DateTimeKind.Utc), new DateTime(2026, 12, 14, 8, 0, 0, DateTimeKind.Utc)], reminders);

        await _app.SendAsync(_maya, new ScheduleInterview { Id = id, Date = new DateOnly(2026, 12, 16), Time = new TimeOnly(9, 0), Format = InterviewFormat.InPerson });
        Assert.Equal(1, await _app.QueryAsync(db => db.Deadlines.CountAsync(d => d.ClientId == clientId && d.Title.StartsWith("Interview:"))));
        Assert.Equal(new DateOnly(2026, 12, 16), await _app.QueryAsync(db => db.Deadlines.Where(d => d.Id == interview.Id).Select(d => d.DueDate).SingleAsync()));
    }

    [Fact]
    public async Task Scores_on_the_consultancys_weighted_criteria_give_a_weighted_score()
    {
        var admin = await _app.AdminAsync();
        await _app.SendAsync(admin, new Consultancy.Application.InterviewCriteria.SaveInterviewCriterion { Name = "Training", Weight = 3 });
        await _app.SendAsync(admin, new Consultancy.Application.InterviewCriteria.SaveInterviewCriterion { Name = "Location", Weight = 1 });
        var criteria = await _app.QueryAsync(db => db.InterviewCriteria.OrderBy(c => c.Id).Select(c => c.Id).ToListAsync());
        var clientId = await ClientAsync(_maya);
        var id = (await ApplyAsync(clientId, ProgramBuilder.Program("Scored IM")))[0];

        await _app.SendAsync(_maya, new ScoreInterview { Id = id, Scores = new() { [criteria[0]] = 5, [criteria[1]] = 1 }, RedFlags = "Long commute" });

        var details = await _app.SendAsync(_maya, new GetApplicationDetails(id));
        Assert.Equal(4.00m, details.WeightedScore);
        Assert.Equal("Long commute", details.RedFlags);
        var invalid = await Assert.ThrowsAsync<ValidationException>(() => _app.SendAsync(_maya, new ScoreInterview { Id = id, Scores = new() { [criteria[0]] = 6 } }));
        Assert.Contains("Each score is from 1 to 5.", invalid.Errors.SelectMany(e => e.Value));
        await Assert.ThrowsAsync<ForbiddenException>(() => _app.SendAsync(_maya, new Consultancy.Application.InterviewCriteria.SaveInterviewCriterion { Name = "Mine" }));
    }

    [Fact]
    public async Task The_rank_list_is_built_moved_and_suggested_with_a_revision_for_every_change_and_warns_what_it_should()
    {
        var clientId = await ClientAsync(_maya);
        var ids = await ApplyAsync(clientId, ProgramBuilder.Program("Alpha IM", maximumYears: 15), ProgramBuilder.Program("Beta IM", maximumYears: 15),
            ProgramBuilder.Program("Gamma IM", maximumYears: 5));
        foreach (var id in ids) await _app.SendAsync(_maya, new ChangeApplicationStatus(id, ApplicationStatus.Interviewed));
        ChangeRankList Change(RankListChange change, int? id = null, int? position = null) =>
            new() { ClientId = clientId, Season = Season, Change = change, ApplicationId = id, Position = position };

        await _app.SendAsync(_maya, Change(RankListChange.Remove, ids[0]));
        Assert.Equal(0, await _app.QueryAsync(db => db.RankOrderLists.CountAsync()));

        foreach (var id in ids) await _app.SendAsync(_maya, Change(RankListChange.Add, id));
        await _app.SendAsync(_maya, Change(RankListChange.MoveTo, ids[2], 1));
        await _app.SendAsync(_maya, Change(RankListChange.MoveDown, ids[0]));
        await _app.SendAsync(_maya, new ChangeRankList { ClientId = clientId, Season = Season, Change = RankListChange.SetOrder,
            Positions = new() { [ids[0]] = 1, [ids[1]] = 2, [ids[2]] = 3 } });

        var list = await _app.SendAsync(_maya, new GetRankList(clientId, Season));
        Assert.Equal(["Alpha IM", "Beta IM", "Gamma IM"], list.Ranked.Select(r => r.Application.ProgramName));
        Assert.Equal(6, list.Revisions.Count);
        Assert.Equal("Gamma IM moved from 3 to 1", list.Revisions.Single(r => r.Number == 4).Change);
        Assert.Equal([ids[2], ids[1], ids[0]], list.Revisions.Single(r => r.Number == 5).Order);
        Assert.Contains(list.Warnings, w => w.StartsWith("#3 Gamma IM: the client does not meet graduated 2016: 11 years, program accepts ≤ 5"));
        Assert.Contains(list.Warnings, w => w.StartsWith("Only 3 programs are ranked; the consultancy advises at least 10"));
        Assert.DoesNotContain(list.Warnings, w => w.Contains("not marked as interviewed"));
        var timeline = (await _app.SendAsync(_maya, new GetClientDetails(clientId))).Timeline;
        Assert.Contains(timeline, t => t.EntityType == nameof(RankListRevision) && t.Changes.Contains(new AuditFieldChange("Change", null, "Gamma IM moved from 3 to 1")));
    }

    [Fact]
    public async Task Suggesting_an_order_ranks_by_weighted_score_and_a_program_not_interviewed_is_warned_about()
    {
        var admin = await _app.AdminAsync();
        await _app.SendAsync(admin, new Consultancy.Application.InterviewCriteria.SaveInterviewCriterion { Name = "Training", Weight = 1 });
        var criterion = await _app.QueryAsync(db => db.InterviewCriteria.Select(c => c.Id).SingleAsync());
        var clientId = await ClientAsync(_maya);
        var ids = await ApplyAsync(clientId, ProgramBuilder.Program("Low IM"), ProgramBuilder.Program("High IM"), ProgramBuilder.Program("Unscored IM"));
        await _app.SendAsync(_maya, new ChangeApplicationStatus(ids[2], ApplicationStatus.InterviewScheduled));
        await _app.SendAsync(_maya, new ScoreInterview { Id = ids[0], Scores = new() { [criterion] = 2 } });
        await _app.SendAsync(_maya, new ScoreInterview { Id = ids[1], Scores = new() { [criterion] = 5 } });
        await _app.SendAsync(_maya, new ChangeRankList { ClientId = clientId, Season = Season, Change = RankListChange.SetOrder, Order = [ids[2], ids[0], ids[1]] });

        await _app.SendAsync(_maya, new ChangeRankList { ClientId = clientId, Season = Season, Change = RankListChange.SuggestByScore });

        var list = await _app.SendAsync(_maya, new GetRankList(clientId, Season));
        Assert.Equal(["High IM", "Low IM", "Unscored IM"], list.Ranked.Select(r => r.Application.ProgramName));
        Assert.Contains(list.Warnings, w => w.StartsWith("#3 Unscored IM is ranked but not marked as interviewed"));
    }

    [Fact]
    public async Task Certifying_records_the_revision_moves_the_ranked_to_Ranked_and_completes_the_seasons_rank_list_deadline()
    {
        var clientId = await ClientAsync(_maya);
        var seasonId = await _app.QueryAsync(db => db.Seasons.Where(s => s.Name == Season).Select(s => s.Id).SingleAsync());
        await _app.SendAsync(_maya, new ApplyPlaybook(clientId, seasonId));
        var ids = await ApplyAsync(clientId, ProgramBuilder.Program("Only IM"));
        await _app.SendAsync(_maya, new ChangeApplicationStatus(ids[0], ApplicationStatus.Interviewed));
        await _app.SendAsync(_maya, new ChangeRankList { ClientId = clientId, Season = Season, Change = RankListChange.Add, ApplicationId = ids[0] });

        await _app.SendAsync(_maya, new CertifyRankList(clientId, Season));

        var list = await _app.SendAsync(_maya, new GetRankList(clientId, Season));
        Assert.True(list.IsCertified);
        Assert.Equal(1, list.CertifiedRevision);
        Assert.Equal(ApplicationStatus.Ranked, list.Ranked.Single().Application.Status);
        var rankDeadline = await _app.QueryAsync(db => db.Deadlines.SingleAsync(d => d.ClientId == clientId && d.Category == DeadlineCategory.RankList));
        Assert.Equal(DeadlineStatus.Done, rankDeadline.Status);
        Assert.All(await _app.QueryAsync(db => db.OutboxMessages.Where(m => m.DeadlineId == rankDeadline.Id).ToListAsync()),
            r => Assert.Equal(OutboxStatus.Cancelled, r.Status));

        await _app.SendAsync(_maya, new ChangeRankList { ClientId = clientId, Season = Season, Change = RankListChange.Remove, ApplicationId = ids[0] });
        Assert.False((await _app.SendAsync(_maya, new GetRankList(clientId, Season))).IsCertified);
    }

    [Fact]
    public async Task Letters_assigned_to_applications_are_counted_per_program_and_warned_over_four_and_under_three()
    {
        var clientId = await ClientAsync(_maya);
        var ids = await ApplyAsync(clientId, ProgramBuilder.Program("Busy IM"), ProgramBuilder.Program("Bare IM"));
        await _app.SendAsync(_maya, new ChangeApplications(clientId, ids, BulkApplicationAction.MarkApplied));
        var letters = new List<int>();
        for (var i = 0; i < 5; i++)
            letters.Add(await _app.SendAsync(_maya, LetterBuilder.NewLetter(clientId, new DateOnly(2027, 1, 15), $"Dr. Referee {i}")));

        foreach (var letter in letters) await _app.SendAsync(_maya, new ChangeApplications(clientId, [ids[0]], BulkApplicationAction.AssignLetter, LetterId: letter));
        await _app.SendAsync(_maya, new ChangeApplications(clientId, ids, BulkApplicationAction.AssignLetter, LetterId: letters[0]));

        var page = await _app.SendAsync(_maya, new GetClientApplications(clientId));
        Assert.Equal([5, 1], page.Applications.OrderBy(a => a.Id).Select(a => a.LettersAssigned));
        Assert.Contains("More than 4 letters assigned to Busy IM; ERAS lets a program receive at most 4.", page.Warnings);
        Assert.Contains("1 application has fewer than 3 letters assigned: Bare IM.", page.Warnings);

        var bare = await _app.SendAsync(_maya, new GetApplicationDetails(ids[1]));
        Assert.Equal([true, false, false, false, false], bare.Letters.Select(l => l.Assigned));
        Assert.Equal("Dr. Referee 0", bare.Letters[0].RefereeName);

        await _app.SendAsync(_maya, new ChangeApplications(clientId, [ids[0]], BulkApplicationAction.UnassignLetter, LetterId: letters[4]));
        page = await _app.SendAsync(_maya, new GetClientApplications(clientId));
        Assert.DoesNotContain(page.Warnings, w => w.StartsWith("More than 4"));
    }

    [Fact]
    public async Task Program_signals_over_the_seasons_limit_for_the_specialty_are_warned()
    {
        await _app.QueryAsync(async db =>
        {
            var season = await db.Seasons.SingleAsync(s => s.Name == Season);
            season.SignalLimits.Add(new SeasonSignalLimit("Internal Medicine", 1, null, null));
            return await db.SaveChangesAsync();
        });
        var clientId = await ClientAsync(_maya);
        var ids = await ApplyAsync(clientId, ProgramBuilder.Program("Signal one"), ProgramBuilder.Program("Signal two"));
        foreach (var id in ids)
        {
            var details = await _app.SendAsync(_maya, new GetApplicationDetails(id));
            await _app.SendAsync(_maya, new UpdateApplication { Id = id, Version = details.Version, Signal = ProgramSignal.Signal, Status = ApplicationStatus.Applied });
        }

        var page = await _app.SendAsync(_maya, new GetClientApplications(clientId));

        Assert.Contains("2 program signals for Internal Medicine; ERAS 2028 allows 1.", page.Warnings);
    }

    [Fact]
    public async Task The_clients_export_holds_applications_scores_letters_and_rank_list_revisions()
    {
        var clientId = await ClientAsync(_maya);
        var ids = await ApplyAsync(clientId, ProgramBuilder.Program("Exported IM"));
        await _app.SendAsync(_maya, new ChangeApplicationStatus(ids[0], ApplicationStatus.Interviewed));
        await _app.SendAsync(_maya, new ChangeRankList { ClientId = clientId, Season = Season, Change = RankListChange.Add, ApplicationId = ids[0] });

        var export = await _app.SendAsync(_maya, new ExportClientData(clientId));

        var application = Assert.Single(export.Applications);
        Assert.Equal(("Exported IM", ApplicationStatus.Interviewed), (application.Program, application.Status));
        var rankList = Assert.Single(export.RankLists);
        Assert.Equal([ids[0]], Assert.Single(rankList.Revisions).ApplicationIds);
    }
}
