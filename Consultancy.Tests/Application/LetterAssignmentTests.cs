using Consultancy.Application.Clients;
using Consultancy.Application.Common.Exceptions;
using Consultancy.Application.Dashboard;
using Consultancy.Application.Domain;
using Consultancy.Application.Letters;
using Consultancy.Application.ProgramApplications;
using Consultancy.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Tests.Application;

/// <summary>
/// Letters go to a client's applications, chosen on the letter form (or from the applications page), and the letter rules
/// count them per program.
/// </summary>
public sealed class LetterAssignmentTests(ApplicationHarnessFixture fixture) : IClassFixture<ApplicationHarnessFixture>
{
    private const string Season = "ERAS 2028";
    private static readonly DateOnly Due = new(2027, 8, 1);
    private ApplicationHarness App => fixture.App;

    private async Task<(TestUser Consultant, int ClientId)> ClientAsync(string slug)
    {
        var consultant = await App.ConsultantAsync($"{slug}@consultancy.test");
        return (consultant, await App.SendAsync(consultant, ClientBuilder.NewClient("Amina", "Letters")));
    }

    /// <summary>Adds the programs as applications of the client in <paramref name="season"/>, in the order given.</summary>
    private async Task<int[]> ApplyAsync(TestUser consultant, int clientId, string season, params ResidencyProgram[] programs)
    {
        var ids = await App.AddAsync(programs);
        await App.SendAsync(consultant, new AddApplications(clientId, season, ids));
        return await App.QueryAsync(db => db.ProgramApplications.Where(a => a.ClientId == clientId && ids.Contains(a.ProgramId))
            .OrderBy(a => a.Id).Select(a => a.Id).ToArrayAsync());
    }

    private Task<int[]> AssignedAsync(int letterId) =>
        App.QueryAsync(db => db.LetterAssignments.Where(a => a.LetterRequestId == letterId).OrderBy(a => a.ApplicationId).Select(a => a.ApplicationId).ToArrayAsync());

    private Task<int> AddLetterAsync(TestUser consultant, int clientId, string referee, params int[] applicationIds) =>
        App.SendAsync(consultant, LetterBuilder.NewLetter(clientId, Due, referee) with { ApplicationIds = [.. applicationIds] });

    private async Task<UpdateLetter> EditAsync(TestUser consultant, int letterId, params int[] applicationIds) =>
        await App.SendAsync(consultant, new GetLetterForEdit(letterId)) with { ApplicationIds = [.. applicationIds] };

    [Fact]
    public async Task A_letter_added_with_applications_goes_to_them_and_its_form_and_the_client_page_show_them()
    {
        var (maya, clientId) = await ClientAsync("assign.add");
        var ids = await ApplyAsync(maya, clientId, Season, ProgramBuilder.Program("Lakeside IM"), ProgramBuilder.Program("Hillcrest IM"));

        var letterId = await AddLetterAsync(maya, clientId, "Dr. Added", ids);

        Assert.Equal(ids, await AssignedAsync(letterId));
        Assert.Equal(ids, (await App.SendAsync(maya, new GetLetterForEdit(letterId))).ApplicationIds);
        var shown = Assert.Single(await App.SendAsync(maya, new GetClientLetters(clientId)));
        Assert.Equal(["Hillcrest IM", "Lakeside IM"], shown.Programs);
        var timeline = (await App.SendAsync(maya, new GetClientDetails(clientId))).Timeline;
        var created = Assert.Single(timeline, t => t.EntityType == nameof(LetterRequest) && t.Action == AuditAction.Created);
        Assert.Contains(new AuditFieldChange("AssignedTo", null, "Hillcrest IM, Lakeside IM"), created.Changes);
    }

    [Fact]
    public async Task Saving_the_letter_form_replaces_its_applications_in_one_save_on_the_timeline_and_renews_its_version()
    {
        var (maya, clientId) = await ClientAsync("assign.replace");
        var ids = await ApplyAsync(maya, clientId, Season,
            ProgramBuilder.Program("Alder IM"), ProgramBuilder.Program("Birch IM"), ProgramBuilder.Program("Cedar IM"));
        var letterId = await AddLetterAsync(maya, clientId, "Dr. Replaced", ids[0], ids[1]);
        var before = await App.SendAsync(maya, new GetLetterForEdit(letterId));

        await App.SendAsync(maya, before with { ApplicationIds = [ids[1], ids[2]] });

        Assert.Equal([ids[1], ids[2]], await AssignedAsync(letterId));
        var timeline = (await App.SendAsync(maya, new GetClientDetails(clientId))).Timeline;
        var updated = Assert.Single(timeline, t => t.EntityType == nameof(LetterRequest) && t.Action == AuditAction.Updated);
        Assert.Equal([new AuditFieldChange("AssignedTo", null, "Cedar IM"), new AuditFieldChange("TakenOff", null, "Alder IM")], updated.Changes);
        // Only the programs changed, yet the letter has a new version: a form opened before is refused, not saved over them.
        var stale = await Assert.ThrowsAsync<ConcurrencyException>(() => App.SendAsync(maya, before with { ApplicationIds = [ids[0]] }));
        Assert.Equal([ids[1], ids[2]], ((UpdateLetter)stale.Current).ApplicationIds);
        Assert.Equal([ids[1], ids[2]], await AssignedAsync(letterId));
    }

    [Fact]
    public async Task A_letter_edit_whose_save_fails_leaves_the_letter_and_its_applications_as_they_were()
    {
        var database = new FailingDatabase();
        await using var app = await ApplicationHarness.StartAsync(configureServices: database.AddTo);
        var maya = await app.ConsultantAsync("assign.atomic@consultancy.test");
        var clientId = await app.SendAsync(maya, ClientBuilder.NewClient("Amina", "Letters"));
        await app.SendAsync(maya, new AddApplications(clientId, Season,
            await app.AddAsync(ProgramBuilder.Program("First IM"), ProgramBuilder.Program("Second IM"), ProgramBuilder.Program("Third IM"))));
        var ids = await app.QueryAsync(db => db.ProgramApplications.Where(a => a.ClientId == clientId).OrderBy(a => a.Id).Select(a => a.Id).ToArrayAsync());
        var letterId = await app.SendAsync(maya, LetterBuilder.NewLetter(clientId, Due, "Dr. Atomic") with { ApplicationIds = [ids[0], ids[1]] });
        var form = await app.SendAsync(maya, new GetLetterForEdit(letterId));

        database.FailCommit(1, dies: false);
        await Assert.ThrowsAnyAsync<Exception>(() => app.SendAsync(maya, form with { RefereeName = "Dr. Renamed", ApplicationIds = [ids[2]] }));
        database.Revive();

        var (name, version, assigned) = await app.QueryAsync(async db => (
            await db.LetterRequests.Where(l => l.Id == letterId).Select(l => l.RefereeName).SingleAsync(),
            await db.LetterRequests.Where(l => l.Id == letterId).Select(l => l.Version).SingleAsync(),
            await db.LetterAssignments.Where(a => a.LetterRequestId == letterId).OrderBy(a => a.ApplicationId).Select(a => a.ApplicationId).ToArrayAsync()));
        Assert.Equal(("Dr. Atomic", form.Version), (name, version));
        Assert.Equal([ids[0], ids[1]], assigned);
        Assert.Equal(0, await app.QueryAsync(db => db.AuditEntries.CountAsync(e => e.EntityType == nameof(LetterRequest) && e.Action == AuditAction.Updated)));
    }

    [Fact]
    public async Task An_application_of_another_client_is_refused_on_the_field_and_nothing_is_written()
    {
        var (maya, clientId) = await ClientAsync("assign.own");
        var own = await ApplyAsync(maya, clientId, Season, ProgramBuilder.Program("Own IM"));
        var siblingId = await App.SendAsync(maya, ClientBuilder.NewClient("Other", "Sibling"));
        var sibling = await ApplyAsync(maya, siblingId, Season, ProgramBuilder.Program("Sibling IM"));
        var (daniel, strangerId) = await ClientAsync("assign.stranger");
        var stranger = await ApplyAsync(daniel, strangerId, Season, ProgramBuilder.Program("Stranger IM"));
        var letterId = await AddLetterAsync(maya, clientId, "Dr. Own", own);

        foreach (var foreign in new[] { sibling[0], stranger[0], 999_999 })
        {
            var added = await Assert.ThrowsAsync<ValidationException>(() => AddLetterAsync(maya, clientId, "Dr. Intruder", own[0], foreign));
            Assert.Contains("is not this client's", Assert.Single(added.Errors[nameof(AddLetter.ApplicationIds)]));
            var edit = await EditAsync(maya, letterId, foreign);
            var edited = await Assert.ThrowsAsync<ValidationException>(() => App.SendAsync(maya, edit with { RefereeName = "Dr. Renamed" }));
            Assert.True(edited.Errors.ContainsKey(nameof(UpdateLetter.ApplicationIds)));
        }

        Assert.Equal(1, await App.QueryAsync(db => db.LetterRequests.CountAsync(l => l.ClientId == clientId)));
        Assert.Equal("Dr. Own", await App.QueryAsync(db => db.LetterRequests.Where(l => l.Id == letterId).Select(l => l.RefereeName).SingleAsync()));
        Assert.Equal(own, await AssignedAsync(letterId));
    }

    [Fact]
    public async Task A_letter_goes_only_to_programs_of_its_own_system_and_a_refused_edit_changes_nothing()
    {
        var (maya, clientId) = await ClientAsync("assign.system");
        var ids = await ApplyAsync(maya, clientId, Season,
            ProgramBuilder.Program("Eastern IM"), ProgramBuilder.Program("Toronto IM", system: ProgramSystem.CaRMS));

        var mixed = await Assert.ThrowsAsync<ValidationException>(() => AddLetterAsync(maya, clientId, "Dr. Mixed", ids));
        Assert.Equal("An ERAS letter goes only to ERAS/NRMP programs: Toronto IM recruits through another system.",
            Assert.Single(mixed.Errors[nameof(AddLetter.ApplicationIds)]));
        Assert.Equal(0, await App.QueryAsync(db => db.LetterRequests.CountAsync(l => l.ClientId == clientId)));

        var letterId = await AddLetterAsync(maya, clientId, "Dr. Eras", ids[0]);
        var toCarms = await EditAsync(maya, letterId, ids[0]) with { System = LetterSystem.CaRMS, RefereeName = "Dr. Switched" };
        var switched = await Assert.ThrowsAsync<ValidationException>(() => App.SendAsync(maya, toCarms));
        Assert.Contains("Eastern IM recruits through another system", Assert.Single(switched.Errors[nameof(UpdateLetter.ApplicationIds)]));
        var letter = await App.QueryAsync(db => db.LetterRequests.AsNoTracking().SingleAsync(l => l.Id == letterId));
        Assert.Equal((LetterSystem.ERAS, "Dr. Eras"), (letter.System, letter.RefereeName));
        Assert.Equal([ids[0]], await AssignedAsync(letterId));

        await App.SendAsync(maya, toCarms with { ApplicationIds = [ids[1]] });
        Assert.Equal([ids[1]], await AssignedAsync(letterId));
    }

    [Fact]
    public async Task A_withdrawn_application_gets_no_new_letter_but_keeps_the_one_it_had_and_is_offered_only_to_that_letter()
    {
        var (maya, clientId) = await ClientAsync("assign.withdrawn");
        var ids = await ApplyAsync(maya, clientId, Season, ProgramBuilder.Program("Open IM"), ProgramBuilder.Program("Withdrawn IM"));
        var kept = await AddLetterAsync(maya, clientId, "Dr. Kept", ids);
        await App.SendAsync(maya, new ChangeApplications(clientId, [ids[1]], BulkApplicationAction.Withdraw));

        await App.SendAsync(maya, await EditAsync(maya, kept, ids) with { RefereeName = "Dr. Kept Still" });
        var refused = await Assert.ThrowsAsync<ValidationException>(() => AddLetterAsync(maya, clientId, "Dr. New", ids));

        Assert.Equal(ids, await AssignedAsync(kept));
        Assert.Equal("Withdrawn IM is withdrawn or rejected: reopen an application before sending it a letter.",
            Assert.Single(refused.Errors[nameof(AddLetter.ApplicationIds)]));
        Assert.Equal(["Open IM", "Withdrawn IM"],
            (await App.SendAsync(maya, new GetLetterApplicationChoices(clientId, kept))).Select(c => c.ProgramName));
        Assert.Equal(["Open IM"], (await App.SendAsync(maya, new GetLetterApplicationChoices(clientId))).Select(c => c.ProgramName));
        var bulk = await AddLetterAsync(maya, clientId, "Dr. Bulk", ids[0]);
        await Assert.ThrowsAsync<BusinessRuleException>(() =>
            App.SendAsync(maya, new ChangeApplications(clientId, [ids[1]], BulkApplicationAction.AssignLetter, LetterId: bulk)));
        Assert.Equal([ids[0]], await AssignedAsync(bulk));
    }

    [Fact]
    public async Task The_applications_page_assigns_under_the_same_rules_and_puts_the_change_on_the_letters_timeline()
    {
        var (maya, clientId) = await ClientAsync("assign.bulk");
        var ids = await ApplyAsync(maya, clientId, Season,
            ProgramBuilder.Program("Bulk IM"), ProgramBuilder.Program("Montreal IM", system: ProgramSystem.CaRMS));
        var letterId = await AddLetterAsync(maya, clientId, "Dr. Bulk");

        var refused = await Assert.ThrowsAsync<BusinessRuleException>(() =>
            App.SendAsync(maya, new ChangeApplications(clientId, ids, BulkApplicationAction.AssignLetter, LetterId: letterId)));
        Assert.Contains("Montreal IM recruits through another system", refused.Message);
        Assert.Empty(await AssignedAsync(letterId));

        Assert.Equal(1, await App.SendAsync(maya, new ChangeApplications(clientId, [ids[0]], BulkApplicationAction.AssignLetter, LetterId: letterId)));
        Assert.Equal(1, await App.SendAsync(maya, new ChangeApplications(clientId, [ids[0]], BulkApplicationAction.UnassignLetter, LetterId: letterId)));

        Assert.Empty(await AssignedAsync(letterId));
        var changes = (await App.SendAsync(maya, new GetClientDetails(clientId))).Timeline
            .Where(t => t.EntityType == nameof(LetterRequest) && t.Action == AuditAction.Updated).SelectMany(t => t.Changes).ToList();
        Assert.Contains(new AuditFieldChange("AssignedTo", null, "Bulk IM"), changes);
        Assert.Contains(new AuditFieldChange("TakenOff", null, "Bulk IM"), changes);
    }

    [Fact]
    public async Task The_rules_count_counting_letters_per_application_of_the_season_alike_on_the_client_page_the_applications_page_and_the_dashboard()
    {
        var (maya, clientId) = await ClientAsync("assign.rules");
        var ids = await ApplyAsync(maya, clientId, Season,
            ProgramBuilder.Program("Busy IM"), ProgramBuilder.Program("Thin IM"), ProgramBuilder.Program("Planned IM"));
        var (busy, thin) = (ids[0], ids[1]);
        await App.SendAsync(maya, new ChangeApplications(clientId, [busy, thin], BulkApplicationAction.MarkApplied));
        // Last season's application, sent without letters, is not this season's concern.
        var old = await ApplyAsync(maya, clientId, "ERAS 2027", ProgramBuilder.Program("Last Year IM"));
        await App.SendAsync(maya, new ChangeApplications(clientId, old, BulkApplicationAction.MarkApplied));

        for (var i = 1; i <= 4; i++) await AddLetterAsync(maya, clientId, $"Dr. Four {i}", i <= 2 ? new[] { busy, thin } : new[] { busy });
        var declined = await AddLetterAsync(maya, clientId, "Dr. Declined", busy);
        await App.SendAsync(maya, new RecordLetterStatus(declined, LetterStatus.Declined, "On leave"));

        var warnings = await App.SendAsync(maya, new GetLetterWarnings(clientId));
        Assert.DoesNotContain(warnings, w => w.Rule == LetterRule.TooManyForOneProgram);
        var tooFew = Assert.Single(warnings, w => w.Rule == LetterRule.TooFewForProgram);
        Assert.Equal("1 application has fewer than 3 letters assigned: Thin IM.", tooFew.Message);

        await AddLetterAsync(maya, clientId, "Dr. Fifth", busy);

        warnings = await App.SendAsync(maya, new GetLetterWarnings(clientId));
        var tooMany = Assert.Single(warnings, w => w.Rule == LetterRule.TooManyForOneProgram);
        Assert.Equal("More than 4 letters assigned to Busy IM; ERAS lets a program receive at most 4.", tooMany.Message);
        var page = await App.SendAsync(maya, new GetClientApplications(clientId, Season));
        Assert.Equal([5, 2, 0], page.Applications.OrderBy(a => a.Id).Select(a => a.LettersAssigned));
        Assert.Contains(tooMany.Message, page.Warnings);
        Assert.Contains(tooFew.Message, page.Warnings);
        var dashboard = await App.SendAsync(maya, new GetDashboard("Africa/Lagos"));
        var onDashboard = Assert.Single(dashboard.LetterWarnings.Clients, c => c.ClientId == clientId);
        Assert.Equal(warnings, onDashboard.Warnings);
    }
}
