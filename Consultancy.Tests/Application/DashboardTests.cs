using Consultancy.Application.Clients;
using Consultancy.Application.Common;
using Consultancy.Application.Dashboard;
using Consultancy.Application.Deadlines;
using Consultancy.Application.Domain;
using Consultancy.Application.Letters;
using Consultancy.Application.Playbooks;
using Consultancy.Application.ProgramApplications;
using Consultancy.Application.StrategyCalls;
using Consultancy.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Tests.Application;

/// <summary>The consultant's day: what each panel counts, over whose caseload, and in whose time zone.</summary>
public sealed class DashboardTests : IAsyncLifetime
{
    // 25 Nov 2026, 14:00 UTC: 09:00 in New York, 19:30 in Kolkata, 06:00 in Los Angeles, 26 Nov 04:00 on Kiritimati.
    private ApplicationHarness _app = null!;
    private TestUser _maya = null!;
    private TestUser _daniel = null!;
    private TestUser _admin = null!;

    public async Task InitializeAsync()
    {
        _app = await ApplicationHarness.StartAsync();
        _maya = await _app.ConsultantAsync("maya@consultancy.test");
        _daniel = await _app.ConsultantAsync("daniel@consultancy.test");
        _admin = await _app.AdminAsync();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<int> ClientAsync(TestUser consultant, string firstName, string zone = "Africa/Lagos", ClientStage stage = ClientStage.Applied, string season = "ERAS 2028") =>
        await _app.SendAsync(consultant, ClientBuilder.NewClient(firstName) with { TimeZoneId = zone, Stage = stage, Season = season });

    private Task<int> DeadlineAsync(TestUser consultant, int clientId, string title, DateOnly due) =>
        _app.SendAsync(consultant, new AddDeadline { ClientId = clientId, Title = title, DueDate = due });

    private Task<DashboardModel> DashboardAsync(TestUser viewer, string? consultantId = null) =>
        _app.SendAsync(viewer, new GetDashboard("America/New_York", consultantId));

    [Fact]
    public async Task Deadline_figures_count_up_to_a_thousand_and_then_say_more()
    {
        var clientId = await ClientAsync(_maya, "Busy");
        await _app.QueryAsync(async db =>
        {
            var client = await db.Clients.FindAsync(clientId);
            var now = new DateTime(2026, 11, 25, 14, 0, 0, DateTimeKind.Utc);
            for (var i = 0; i <= GetDashboardHandler.DeadlineCountLimit; i++)
            {
                var deadline = new Deadline(client!, now) { Title = $"Overdue {i}", DueDate = new DateOnly(2026, 10, 1) };
                deadline.AnchorTo(TimeZones.Find(client!.TimeZoneId));
                db.Deadlines.Add(deadline);
            }
            return await db.SaveChangesAsync();
        });
        await DeadlineAsync(_maya, clientId, "Due Friday", new DateOnly(2026, 11, 27));

        var dashboard = await DashboardAsync(_maya);

        Assert.Equal((1_000, true, "1,000+"), (dashboard.Overdue.TotalCount, dashboard.Overdue.CountedUpTo, dashboard.Overdue.TotalText));
        Assert.Equal((1, false, "1"), (dashboard.DueSoon.TotalCount, dashboard.DueSoon.CountedUpTo, dashboard.DueSoon.TotalText));
        Assert.Equal(8, dashboard.Overdue.Items.Count);
    }

    [Fact]
    public async Task Deadline_figures_follow_a_saved_change_at_once_and_a_change_made_elsewhere_within_the_totals_lifetime()
    {
        var clientId = await ClientAsync(_maya, "Kept");
        await DeadlineAsync(_maya, clientId, "Overdue one", new DateOnly(2026, 11, 1));
        Assert.Equal(1, (await DashboardAsync(_maya)).Overdue.TotalCount);

        await DeadlineAsync(_maya, clientId, "Overdue two", new DateOnly(2026, 11, 2));
        Assert.Equal(2, (await DashboardAsync(_maya)).Overdue.TotalCount);

        // Closed straight in the database, as another app instance would: the list shows it at once, the kept figure
        // until its lifetime is over.
        await _app.QueryAsync(db => db.Database.ExecuteSqlRawAsync(
            "UPDATE \"Deadlines\" SET \"Status\" = {0} WHERE \"Title\" = 'Overdue two'", (int)DeadlineStatus.Done));
        var kept = await DashboardAsync(_maya);
        Assert.Equal((1, 2), (kept.Overdue.Items.Count, kept.Overdue.TotalCount));
        _app.Clock.Advance(CaseloadTotals.DefaultLifetime + TimeSpan.FromSeconds(1));
        Assert.Equal(1, (await DashboardAsync(_maya)).Overdue.TotalCount);
    }

    [Fact]
    public async Task Overdue_is_judged_in_each_clients_own_zone_like_the_deadlines_page()
    {
        var kiritimati = await ClientAsync(_maya, "Tevita", "Pacific/Kiritimati");
        var losAngeles = await ClientAsync(_maya, "Lucia", "America/Los_Angeles");
        var kolkata = await ClientAsync(_maya, "Ishaan", "Asia/Kolkata");
        var today = new DateOnly(2026, 11, 25);
        await DeadlineAsync(_maya, kiritimati, "Kiritimati: due 25 Nov", today);       // already 26 Nov there
        await DeadlineAsync(_maya, losAngeles, "Los Angeles: due 25 Nov", today);     // 06:00 on the day
        await DeadlineAsync(_maya, kolkata, "Kolkata: due 24 Nov", today.AddDays(-1));
        await DeadlineAsync(_maya, kolkata, "Kolkata: due 1 Dec", today.AddDays(6));
        await DeadlineAsync(_maya, kolkata, "Kolkata: due 9 Dec", today.AddDays(14));

        var dashboard = await DashboardAsync(_maya);

        Assert.Equal(["Kolkata: due 24 Nov", "Kiritimati: due 25 Nov"], dashboard.Overdue.Items.Select(d => d.Title));
        Assert.Equal(["Los Angeles: due 25 Nov", "Kolkata: due 1 Dec"], dashboard.DueSoon.Items.Select(d => d.Title));
        var overduePage = await _app.SendAsync(_maya, new GetDeadlineList { Window = DeadlineWindow.Overdue });
        Assert.Equal(overduePage.Items.Select(d => d.Id), dashboard.Overdue.Items.Select(d => d.Id));
        Assert.Equal((2, 2), (dashboard.Overdue.TotalCount, dashboard.DueSoon.TotalCount));
    }

    [Fact]
    public async Task A_consultant_sees_their_own_caseload_and_an_admin_everyones_or_one_consultants()
    {
        var mayas = await ClientAsync(_maya, "Amara");
        var daniels = await ClientAsync(_daniel, "Bilal", stage: ClientStage.Interviewing);
        await DeadlineAsync(_maya, mayas, "Maya's overdue", new DateOnly(2026, 11, 20));
        await DeadlineAsync(_daniel, daniels, "Daniel's overdue", new DateOnly(2026, 11, 21));
        var letter = await _app.SendAsync(_daniel, LetterBuilder.NewLetter(daniels, new DateOnly(2026, 12, 10)));
        await _app.SendAsync(_daniel, new SendLetterRequest(letter));

        var mayasDay = await DashboardAsync(_maya, consultantId: _daniel.Id);   // a consultant cannot pick someone else
        var everyone = await DashboardAsync(_admin);
        var daniel = await DashboardAsync(_admin, _daniel.Id);

        Assert.Equal(["Maya's overdue"], mayasDay.Overdue.Items.Select(d => d.Title));
        Assert.Equal((0, 1), (mayasDay.LettersWaiting.TotalCount, mayasDay.ClientsByStage.Single(s => s.Stage == ClientStage.Applied).Count));
        Assert.Equal(0, mayasDay.ClientsByStage.Single(s => s.Stage == ClientStage.Interviewing).Count);
        Assert.Null(mayasDay.ConsultantId);
        Assert.Equal(["Maya's overdue", "Daniel's overdue"], everyone.Overdue.Items.Select(d => d.Title));
        Assert.Equal(2, everyone.ActiveClients);
        Assert.Equal(["Daniel's overdue"], daniel.Overdue.Items.Select(d => d.Title));
        Assert.Equal((1, 1, _daniel.Id), (daniel.LettersWaiting.TotalCount, daniel.ActiveClients, daniel.ConsultantId));
        Assert.Equal(["Dr. Sarah Klein"], daniel.LettersWaiting.Items.Select(l => l.RefereeName));
        Assert.True(daniel.Outbox.Pending >= 1);
        Assert.Equal(0, mayasDay.Outbox.Pending);
    }

    [Fact]
    public async Task Calls_of_today_and_the_week_are_the_viewers_own_in_their_zone()
    {
        await _app.OpenBookingAsync(_maya, "maya");
        var client = await ClientAsync(_maya, "Amara", stage: ClientStage.Lead);
        // 18:30 in New York today; 10:00 in New York in three days; 9 Dec is outside the week.
        await _app.SendAsync(_maya, new BookCallForClient { ClientId = client, Date = new DateOnly(2026, 11, 25), Time = new TimeOnly(18, 30) });
        await _app.SendAsync(_maya, new BookCallForClient { ClientId = client, Date = new DateOnly(2026, 11, 28), Time = new TimeOnly(10, 0) });
        await _app.SendAsync(_maya, new BookCallForClient { ClientId = client, Date = new DateOnly(2026, 12, 9), Time = new TimeOnly(10, 0) });

        var mayas = await DashboardAsync(_maya);
        var daniels = await DashboardAsync(_daniel);

        var newYork = TimeZones.Find("America/New_York");
        Assert.Equal((1, 2), (mayas.CallsToday, mayas.Calls.TotalCount));
        Assert.Equal([new DateTime(2026, 11, 25, 23, 30, 0, DateTimeKind.Utc)], mayas.TodaysCalls(newYork).Select(c => c.StartUtc));
        Assert.Equal([new DateTime(2026, 11, 28, 15, 0, 0, DateTimeKind.Utc)], mayas.LaterCalls(newYork).Select(c => c.StartUtc));
        Assert.Equal((0, 0), (daniels.CallsToday, daniels.Calls.TotalCount));
    }

    [Fact]
    public async Task Clients_are_counted_by_stage_and_outcomes_by_season()
    {
        await ClientAsync(_maya, "A", stage: ClientStage.Lead);
        await ClientAsync(_maya, "B", stage: ClientStage.Applied);
        await ClientAsync(_maya, "C", stage: ClientStage.Applied);
        await ClientAsync(_maya, "D", stage: ClientStage.Matched, season: "ERAS 2027");
        await ClientAsync(_maya, "E", stage: ClientStage.Matched, season: "ERAS 2027");
        await ClientAsync(_maya, "F", stage: ClientStage.Unmatched, season: "ERAS 2027");
        await ClientAsync(_maya, "G", stage: ClientStage.Withdrawn, season: "CaRMS 2027");
        var archived = await ClientAsync(_maya, "H", stage: ClientStage.Applied);
        await _app.SendAsync(_maya, new ArchiveClient(archived));

        var dashboard = await DashboardAsync(_maya);

        Assert.Equal((1, 2, 2, 1, 1), (Stage(ClientStage.Lead), Stage(ClientStage.Applied), Stage(ClientStage.Matched), Stage(ClientStage.Unmatched), Stage(ClientStage.Withdrawn)));
        Assert.Equal([new SeasonOutcomes("ERAS 2027", 2, 1, 0), new SeasonOutcomes("CaRMS 2027", 0, 0, 1)], dashboard.OutcomesBySeason);
        int Stage(ClientStage stage) => dashboard.ClientsByStage.Single(s => s.Stage == stage).Count;
    }

    [Fact]
    public async Task Letter_rule_warnings_name_the_clients_whose_letters_fall_short()
    {
        var short_ = await ClientAsync(_maya, "Short");
        var complete = await ClientAsync(_maya, "Complete");
        await ClientAsync(_maya, "NoLetters");
        await _app.SendAsync(_maya, LetterBuilder.NewLetter(short_, new DateOnly(2026, 12, 10), usCanadianPhysician: false));
        foreach (var name in new[] { "Dr. One", "Dr. Two", "Dr. Three" })
            await _app.SendAsync(_maya, LetterBuilder.NewLetter(complete, new DateOnly(2026, 12, 10), name));

        var panel = (await DashboardAsync(_maya)).LetterWarnings;

        Assert.Equal((2, 2), (panel.ClientsChecked, panel.ClientsWithLetters));
        var warned = Assert.Single(panel.Clients);
        Assert.Equal(short_, warned.ClientId);
        Assert.Equal([LetterRule.TooFewForEras, LetterRule.NoUsCanadianPhysician, LetterRule.TooFewForSpecialty], warned.Warnings.Select(w => w.Rule));
    }

    [Fact]
    public async Task Interviews_this_week_are_the_caseloads_own_soonest_first_in_the_viewers_zone_with_the_programs_time()
    {
        var amara = await ClientAsync(_maya, "Amara");
        var bilal = await ClientAsync(_daniel, "Bilal");
        var mayas = await _app.ApplicationsAsync(_maya, amara, "ERAS 2028", Enumerable.Repeat(ApplicationStatus.InterviewInvited, 5).ToArray());
        var daniels = await _app.ApplicationsAsync(_daniel, bilal, "ERAS 2028", ApplicationStatus.InterviewInvited);
        // The programs are in Chicago; the viewer in New York, where it is 09:00 on 25 Nov: the week ends at midnight on 1 Dec.
        await ScheduleAsync(_maya, mayas[0], new DateOnly(2026, 11, 26), new TimeOnly(10, 0));   // 11:00 in New York tomorrow
        await ScheduleAsync(_maya, mayas[1], new DateOnly(2026, 11, 25), new TimeOnly(7, 0));    // 08:00 today, already over
        await ScheduleAsync(_maya, mayas[2], new DateOnly(2026, 12, 1), new TimeOnly(22, 30));   // 23:30 on 1 Dec, the week's last hour
        await ScheduleAsync(_maya, mayas[3], new DateOnly(2026, 12, 1), new TimeOnly(23, 30));   // 00:30 on 2 Dec: next week
        await ScheduleAsync(_maya, mayas[4], new DateOnly(2026, 11, 27), new TimeOnly(9, 0));
        await _app.SendAsync(_maya, new ChangeApplicationStatus(mayas[4], ApplicationStatus.Withdrawn));
        await ScheduleAsync(_daniel, daniels[0], new DateOnly(2026, 11, 27), new TimeOnly(9, 0));

        var maya = (await DashboardAsync(_maya)).Interviews;
        var everyone = (await DashboardAsync(_admin)).Interviews;
        var daniel = (await DashboardAsync(_admin, _daniel.Id)).Interviews;

        Assert.Equal([mayas[1], mayas[0], mayas[2]], maya.Items.Select(i => i.ApplicationId));
        Assert.Equal(3, maya.TotalCount);
        var tomorrow = maya.Items[1];
        Assert.Equal(new DateTime(2026, 11, 26, 16, 0, 0, DateTimeKind.Utc), tomorrow.AtUtc);
        Assert.Equal((new DateOnly(2026, 11, 26), new TimeOnly(10, 0), "America/Chicago"), (tomorrow.ProgramDate, tomorrow.ProgramTime, tomorrow.ProgramTimeZoneId));
        Assert.Equal(("Amara Okafor", amara, "maya"), (tomorrow.ClientName, tomorrow.ClientId, tomorrow.ConsultantName));
        Assert.StartsWith("Program ", tomorrow.ProgramName);
        Assert.Equal(4, everyone.TotalCount);
        Assert.Equal([daniels[0]], daniel.Items.Select(i => i.ApplicationId));
        Assert.DoesNotContain(daniels[0], maya.Items.Select(i => i.ApplicationId));
    }

    [Fact]
    public async Task A_client_is_at_risk_once_the_seasons_date_has_come_with_fewer_invites_than_its_minimum()
    {
        var seasons = await _app.SendAsync(_admin, new GetSeasons());
        var eras2028 = seasons.Single(s => s.Name == "ERAS 2028").Id;
        var eras2027 = seasons.Single(s => s.Name == "ERAS 2027").Id;
        // Today (25 Nov in New York) is ERAS 2028's date; ERAS 2027's is tomorrow.
        await _app.SendAsync(_admin, new UpdateSeasonInvites { SeasonId = eras2028, InvitesExpectedBy = new DateOnly(2026, 11, 25), MinimumInvites = 3 });
        await _app.SendAsync(_admin, new UpdateSeasonInvites { SeasonId = eras2027, InvitesExpectedBy = new DateOnly(2026, 11, 26), MinimumInvites = 3 });

        var none = await ClientAsync(_maya, "None");
        var one = await ClientAsync(_maya, "One");
        var exactly = await ClientAsync(_maya, "Exactly");
        var notYet = await ClientAsync(_maya, "NotYet", season: "ERAS 2027");
        var out_ = await ClientAsync(_maya, "Out");
        var daniels = await ClientAsync(_daniel, "Daniels");
        await _app.ApplicationsAsync(_maya, none, "ERAS 2028", ApplicationStatus.Researching, ApplicationStatus.Applied);
        await _app.ApplicationsAsync(_maya, one, "ERAS 2028", ApplicationStatus.InterviewInvited, ApplicationStatus.Applied, ApplicationStatus.Rejected);
        await _app.ApplicationsAsync(_maya, exactly, "ERAS 2028", ApplicationStatus.InterviewInvited, ApplicationStatus.Interviewed, ApplicationStatus.Ranked);
        await _app.ApplicationsAsync(_maya, notYet, "ERAS 2027", ApplicationStatus.Applied);
        await _app.ApplicationsAsync(_maya, out_, "ERAS 2028", ApplicationStatus.Rejected, ApplicationStatus.Withdrawn);
        await _app.ApplicationsAsync(_daniel, daniels, "ERAS 2028", ApplicationStatus.Applied);

        var maya = (await DashboardAsync(_maya)).ClientsAtRisk;
        Assert.Equal(["None Okafor ERAS 2028 0/3", "One Okafor ERAS 2028 1/3"], maya.Items.Select(Text));
        Assert.Equal(2, maya.TotalCount);
        Assert.Equal(["Daniels Okafor ERAS 2028 0/3"], (await DashboardAsync(_daniel)).ClientsAtRisk.Items.Select(Text));
        Assert.Equal(3, (await DashboardAsync(_admin)).ClientsAtRisk.TotalCount);
        Assert.Equal(["Daniels Okafor ERAS 2028 0/3"], (await DashboardAsync(_admin, _daniel.Id)).ClientsAtRisk.Items.Select(Text));

        // The next day ERAS 2027's date has come too.
        _app.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Contains("NotYet Okafor ERAS 2027 0/3", (await DashboardAsync(_maya)).ClientsAtRisk.Items.Select(Text));

        // An invite lifts a client to the minimum and off the list at once; so does clearing the season's expectation.
        var ones = await _app.QueryAsync(db => db.ProgramApplications.Where(a => a.ClientId == one && a.Status == ApplicationStatus.Applied).Select(a => a.Id).ToListAsync());
        await _app.SendAsync(_maya, new ChangeApplicationStatus(ones.Single(), ApplicationStatus.InterviewInvited));
        await _app.ApplicationsAsync(_maya, one, "ERAS 2028", ApplicationStatus.InterviewScheduled);
        Assert.Equal(["None Okafor ERAS 2028 0/3", "NotYet Okafor ERAS 2027 0/3"], (await DashboardAsync(_maya)).ClientsAtRisk.Items.Select(Text));
        await _app.SendAsync(_admin, new UpdateSeasonInvites { SeasonId = eras2028 });
        Assert.Equal(["NotYet Okafor ERAS 2027 0/3"], (await DashboardAsync(_maya)).ClientsAtRisk.Items.Select(Text));

        static string Text(ClientAtRisk c) => $"{c.ClientName} {c.Season} {c.Invites}/{c.MinimumInvites}";
    }

    private Task<int> ScheduleAsync(TestUser consultant, int applicationId, DateOnly date, TimeOnly time) =>
        _app.SendAsync(consultant, new ScheduleInterview { Id = applicationId, Date = date, Time = time, Format = InterviewFormat.Virtual });
}
