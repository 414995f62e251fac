using Consultancy.Application.Common.Exceptions;
using Consultancy.Application.Deadlines;
using Consultancy.Application.Domain;
using Consultancy.Application.Playbooks;
using Consultancy.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Tests.Application;

public sealed class PlaybookTests : IAsyncLifetime
{
    private ApplicationHarness _app = null!;
    private TestUser _admin = null!, _alice = null!;
    private int _eras2028;

    public async Task InitializeAsync()
    {
        _app = await ApplicationHarness.StartAsync();
        _admin = await _app.AdminAsync();
        _alice = await _app.ConsultantAsync("alice@consultancy.test");
        _eras2028 = (await _app.SendAsync(_admin, new GetSeasons())).Single(s => s.Name == "ERAS 2028").Id;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task The_shipped_seasons_and_playbooks_are_seeded_with_dates_marked_to_verify()
    {
        var seasons = await _app.SendAsync(_admin, new GetSeasons());
        Assert.Equal(["ERAS 2027", "ERAS 2028", "CaRMS 2027", "CaRMS 2028"], seasons.Select(s => s.Name));
        var eras = await _app.SendAsync(_admin, new GetSeason(_eras2028));
        Assert.Contains(eras.KeyDates, k => k is { Key: "match-day", Name: "Match Day", VerifyBeforeUse: true } && k.Date == new DateOnly(2028, 3, 17));
        var carms2027 = await _app.SendAsync(_admin, new GetSeason(seasons.Single(s => s.Name == "CaRMS 2027").Id));
        Assert.False(carms2027.KeyDates.Single(k => k.Key == "carms-online-opens").VerifyBeforeUse);

        var playbooks = await _app.SendAsync(_admin, new GetPlaybooks());
        Assert.Equal([TargetSystem.ErasNrmp, TargetSystem.CaRMS], playbooks.Select(p => p.System));
        Assert.All(playbooks, p => Assert.True(p.Items.Count >= 8));
    }

    [Fact]
    public async Task Applying_a_playbook_plans_each_item_once_from_its_key_date_with_reminders()
    {
        var clientId = await _app.SendAsync(_alice, ClientBuilder.NewClient() with { TimeZoneId = "UTC" });

        var created = await _app.SendAsync(_alice, new ApplyPlaybook(clientId, _eras2028));
        var again = await _app.SendAsync(_alice, new ApplyPlaybook(clientId, _eras2028));

        var items = (await _app.SendAsync(_admin, new GetPlaybooks())).Single(p => p.System == TargetSystem.ErasNrmp).Items;
        Assert.Equal((items.Count, 0), (created, again));
        var deadlines = await _app.SendAsync(_alice, new GetClientDeadlines(clientId));
        var rol = deadlines.Single(d => d.Title == "Certify the rank order list");
        Assert.Equal(new DateOnly(2028, 2, 27), rol.DueDate);
        Assert.Equal(DeadlineCategory.RankList, rol.Category);
        Assert.Equal(3, rol.Reminders.Count);
        Assert.Equal(new DateTime(2028, 2, 13, 9, 0, 0, DateTimeKind.Utc), rol.Reminders[0].DueAt);
    }

    [Fact]
    public async Task The_editor_lists_items_in_the_order_they_fall_due_and_offers_key_dates_by_name()
    {
        var eras = (await _app.SendAsync(_admin, new GetPlaybooks())).Single(p => p.System == TargetSystem.ErasNrmp);

        Assert.Equal("ERAS 2028", eras.ExampleSeason);
        Assert.Equal(eras.Items.Select(i => i.ExampleDate).Order(), eras.Items.Select(i => i.ExampleDate));
        var rankList = eras.Items.Single(i => i.Title == "Certify the rank order list");
        Assert.Equal(new DateOnly(2028, 2, 27), rankList.ExampleDate);
        Assert.Contains(new AnchorChoice("match-day", "Match Day"), eras.Anchors);
        Assert.Equal("myeras-opens", eras.Anchors[0].Key);
        Assert.DoesNotContain(eras.Anchors, a => a.Key.StartsWith("carms"));
    }

    [Fact]
    public async Task An_item_is_placed_only_from_a_key_date_its_seasons_have()
    {
        var eras = (await _app.SendAsync(_admin, new GetPlaybooks())).Single(p => p.System == TargetSystem.ErasNrmp);

        var refused = await Assert.ThrowsAsync<ValidationException>(() => _app.SendAsync(_admin, new SavePlaybookItem
        {
            PlaybookId = eras.Id, Title = "Send the CaRMS references", Category = DeadlineCategory.Letters, AnchorKey = "carms-online-opens", OffsetDays = 3,
        }));
        Assert.Equal("Choose one of the key dates of the ERAS/NRMP seasons.", refused.Errors["AnchorKey"].Single());

        await _app.SendAsync(_admin, new SavePlaybookItem
        {
            PlaybookId = eras.Id, Title = "Thank-you notes after interviews", Category = DeadlineCategory.Interview, AnchorKey = "programs-receive", OffsetDays = 60,
        });
        var saved = (await _app.SendAsync(_admin, new GetPlaybooks())).Single(p => p.System == TargetSystem.ErasNrmp).Items
            .Single(i => i.Title == "Thank-you notes after interviews");
        Assert.Equal(new DateOnly(2027, 11, 21), saved.ExampleDate);
    }

    [Fact]
    public async Task A_step_the_clients_profile_already_meets_is_planned_done_with_the_reason_and_no_reminders()
    {
        var certified = await _app.SendAsync(_alice, ClientBuilder.NewClient("Certified", "Already") with { TimeZoneId = "UTC", EcfmgStatus = EcfmgStatus.Certified });
        var pending = await _app.SendAsync(_alice, ClientBuilder.NewClient("Pending", "Still") with { TimeZoneId = "UTC", EcfmgStatus = EcfmgStatus.InProgress });
        const string step = "Confirm USMLE Step 1 and Step 2 CK results are reported to ECFMG";

        await _app.SendAsync(_alice, new ApplyPlaybook(certified, _eras2028));
        await _app.SendAsync(_alice, new ApplyPlaybook(pending, _eras2028));

        var met = (await _app.SendAsync(_alice, new GetClientDeadlines(certified))).Single(d => d.Title == step);
        Assert.Equal(DeadlineStatus.Done, met.Status);
        Assert.StartsWith("Already met when planned: ECFMG certified on the client's profile.", met.Notes);
        Assert.Empty(met.Reminders);
        var open = (await _app.SendAsync(_alice, new GetClientDeadlines(pending))).Single(d => d.Title == step);
        Assert.Equal(DeadlineStatus.Open, open.Status);
        Assert.Equal(3, open.Reminders.Count);
        var item = (await _app.SendAsync(_admin, new GetPlaybooks())).Single(p => p.System == TargetSystem.ErasNrmp).Items.Single(i => i.Title == step);
        Assert.Equal(ProfileCondition.EcfmgCertified, item.MetWhen);
    }

    [Fact]
    public async Task A_consultant_cannot_plan_another_consultants_client()
    {
        var bob = await _app.ConsultantAsync("bob@consultancy.test");
        var clientId = await _app.SendAsync(_alice, ClientBuilder.NewClient());
        await Assert.ThrowsAsync<NotFoundException>(() => _app.SendAsync(bob, new ApplyPlaybook(clientId, _eras2028)));
    }

    [Fact]
    public async Task Moving_a_key_date_moves_the_open_untouched_deadlines_planned_from_it_and_replans_their_reminders()
    {
        var first = await _app.SendAsync(_alice, ClientBuilder.NewClient("First", "Client") with { TimeZoneId = "UTC" });
        var second = await _app.SendAsync(_alice, ClientBuilder.NewClient("Second", "Client") with { TimeZoneId = "UTC" });
        var third = await _app.SendAsync(_alice, ClientBuilder.NewClient("Third", "Client") with { TimeZoneId = "UTC" });
        foreach (var client in new[] { first, second, third }) await _app.SendAsync(_alice, new ApplyPlaybook(client, _eras2028));
        var movedByHand = await RolDeadlineAsync(second);
        var edit = await _app.SendAsync(_alice, new GetDeadlineForEdit(movedByHand.Id));
        await _app.SendAsync(_alice, edit with { DueDate = new DateOnly(2028, 2, 20) });
        await _app.SendAsync(_alice, new ChangeDeadlineStatus((await RolDeadlineAsync(third)).Id, DeadlineStatus.Done));
        var keyDate = (await _app.SendAsync(_admin, new GetSeason(_eras2028))).KeyDates.Single(k => k.Key == "rol-deadline");
        Assert.Equal(1, keyDate.FollowingDeadlines);

        var moved = await _app.SendAsync(_admin, new UpdateKeyDate
        {
            SeasonId = _eras2028, KeyDateId = keyDate.Id, Name = keyDate.Name, Date = new DateOnly(2028, 3, 8), Verified = true, MoveFollowingDeadlines = true,
        });

        Assert.Equal(1, moved);
        var followed = await RolDeadlineAsync(first);
        Assert.Equal(new DateOnly(2028, 3, 5), followed.DueDate);
        Assert.Equal(new DateTime(2028, 2, 20, 9, 0, 0, DateTimeKind.Utc), followed.Reminders.Single(r => r.Offset == ReminderOffset.Days(14) && r.Status == OutboxStatus.Pending).DueAt);
        Assert.Equal(new DateOnly(2028, 2, 20), (await RolDeadlineAsync(second)).DueDate);
        Assert.Equal(new DateOnly(2028, 2, 27), (await RolDeadlineAsync(third)).DueDate);
        Assert.False((await _app.SendAsync(_admin, new GetSeason(_eras2028))).KeyDates.Single(k => k.Key == "rol-deadline").VerifyBeforeUse);
    }

    [Fact]
    public async Task Changing_a_key_date_without_moving_leaves_every_deadline_where_it_was()
    {
        var clientId = await _app.SendAsync(_alice, ClientBuilder.NewClient());
        await _app.SendAsync(_alice, new ApplyPlaybook(clientId, _eras2028));
        var keyDate = (await _app.SendAsync(_admin, new GetSeason(_eras2028))).KeyDates.Single(k => k.Key == "rol-deadline");

        var moved = await _app.SendAsync(_admin, new UpdateKeyDate { SeasonId = _eras2028, KeyDateId = keyDate.Id, Name = keyDate.Name, Date = new DateOnly(2028, 3, 8) });

        Assert.Equal(0, moved);
        Assert.Equal(new DateOnly(2028, 2, 27), (await RolDeadlineAsync(clientId)).DueDate);
        await Assert.ThrowsAsync<ForbiddenException>(() => _app.SendAsync(_alice, new UpdateKeyDate { SeasonId = _eras2028, KeyDateId = keyDate.Id, Name = "x", Date = new DateOnly(2028, 3, 8) }));
    }

    [Fact]
    public async Task Applying_to_a_whole_season_plans_only_its_clients_reports_progress_and_is_idempotent()
    {
        for (var i = 0; i < 3; i++) await _app.SendAsync(_alice, ClientBuilder.NewClient($"Eras{i}", "Planner") with { Season = "ERAS 2028" });
        var both = await _app.SendAsync(_alice, ClientBuilder.NewClient("Both", "Systems") with { Season = "ERAS 2028", TargetSystem = TargetSystem.Both });
        var other = await _app.SendAsync(_alice, ClientBuilder.NewClient("Other", "Season") with { Season = "ERAS 2027" });
        var run = await _app.SendAsync(_admin, new StartSeasonPlanRun(_eras2028));
        var before = await _app.SendAsync(_admin, new GetSeasonPlanRun(run));

        var result = await _app.SendAsync(_admin, new ApplyPlaybookToSeason(run));
        var again = await _app.SendAsync(_admin, new ApplyPlaybookToSeason(await _app.SendAsync(_admin, new StartSeasonPlanRun(_eras2028))));

        var items = (await _app.SendAsync(_admin, new GetPlaybooks())).Single(p => p.System == TargetSystem.ErasNrmp).Items.Count;
        Assert.Equal(new PlaybookProgress(4, 4, 4 * items), result);
        Assert.Equal((SeasonPlanRunState.Running, 0, (int?)null, false), (before.State, before.ClientsDone, before.ClientsTotal, before.Over));
        var recorded = await _app.SendAsync(_admin, new GetSeasonPlanRun(run));
        Assert.Equal((SeasonPlanRunState.Finished, 4, (int?)4, 4 * items, "ERAS 2028"),
            (recorded.State, recorded.ClientsDone, recorded.ClientsTotal, recorded.DeadlinesCreated, recorded.SeasonName));
        Assert.Equal(new PlaybookProgress(4, 4, 0), again);
        Assert.Equal(items, (await _app.SendAsync(_alice, new GetClientDeadlines(both))).Count);
        Assert.Empty(await _app.SendAsync(_alice, new GetClientDeadlines(other)));
        await Assert.ThrowsAsync<ForbiddenException>(() => _app.SendAsync(_alice, new StartSeasonPlanRun(_eras2028)));
        await Assert.ThrowsAsync<ForbiddenException>(() => _app.SendAsync(_alice, new ApplyPlaybookToSeason(run)));
        await Assert.ThrowsAsync<ForbiddenException>(() => _app.SendAsync(_alice, new GetSeasonPlanRun(run)));
    }

    [Fact]
    public async Task A_run_whose_season_is_gone_is_recorded_as_stopped_a_live_run_blocks_a_second_and_a_silent_one_counts_as_abandoned()
    {
        var season = await _app.SendAsync(_admin, new CreateSeason { System = TargetSystem.ErasNrmp, Name = "ERAS 2031" });
        var run = await _app.SendAsync(_admin, new StartSeasonPlanRun(season));
        await _app.QueryAsync(db => db.Seasons.Where(s => s.Id == season).ExecuteDeleteAsync());

        await Assert.ThrowsAsync<NotFoundException>(() => _app.SendAsync(_admin, new ApplyPlaybookToSeason(run)));

        Assert.Equal(SeasonPlanRunState.Stopped, (await _app.SendAsync(_admin, new GetSeasonPlanRun(run))).State);
        var silent = await _app.SendAsync(_admin, new StartSeasonPlanRun(_eras2028));
        Assert.False((await _app.SendAsync(_admin, new GetSeasonPlanRun(silent))).Over);
        await Assert.ThrowsAsync<ValidationException>(() => _app.SendAsync(_admin, new StartSeasonPlanRun(_eras2028)));
        _app.Clock.Advance(SeasonPlanRun.SilentAfter + TimeSpan.FromSeconds(1));
        var abandoned = await _app.SendAsync(_admin, new GetSeasonPlanRun(silent));
        Assert.Equal((SeasonPlanRunState.Running, true, true), (abandoned.State, abandoned.Abandoned, abandoned.Over));
        Assert.NotEqual(silent, await _app.SendAsync(_admin, new StartSeasonPlanRun(_eras2028)));
        await Assert.ThrowsAsync<NotFoundException>(() => _app.SendAsync(_admin, new GetSeasonPlanRun(Guid.NewGuid())));
    }

    [Fact]
    public async Task A_new_season_can_copy_the_key_dates_of_another_moved_on_by_the_years_between_them()
    {
        var id = await _app.SendAsync(_admin, new CreateSeason { System = TargetSystem.ErasNrmp, Name = "ERAS 2029", CopyFromSeasonId = _eras2028 });

        var season = await _app.SendAsync(_admin, new GetSeason(id));
        Assert.Equal(new DateOnly(2029, 3, 17), season.KeyDates.Single(k => k.Key == "match-day").Date);
        Assert.All(season.KeyDates, k => Assert.True(k.VerifyBeforeUse));
        await Assert.ThrowsAsync<ValidationException>(() => _app.SendAsync(_admin, new CreateSeason { System = TargetSystem.ErasNrmp, Name = "ERAS 2029" }));
    }

    private async Task<ClientDeadline> RolDeadlineAsync(int clientId) =>
        (await _app.SendAsync(_admin, new GetClientDeadlines(clientId))).Single(d => d.Title == "Certify the rank order list");

    [Fact]
    public async Task An_admin_sets_when_invites_are_expected_and_how_many_or_clears_both()
    {
        await _app.SendAsync(_admin, new UpdateSeasonInvites { SeasonId = _eras2028, InvitesExpectedBy = new DateOnly(2027, 12, 15), MinimumInvites = 8 });
        var season = await _app.SendAsync(_admin, new GetSeason(_eras2028));
        Assert.Equal((new DateOnly(2027, 12, 15), 8), (season.InvitesExpectedBy, season.MinimumInvites));

        await _app.SendAsync(_admin, new UpdateSeasonInvites { SeasonId = _eras2028 });
        season = await _app.SendAsync(_admin, new GetSeason(_eras2028));
        Assert.Equal((null, null), (season.InvitesExpectedBy, season.MinimumInvites));
    }

    [Fact]
    public async Task Invites_need_both_fields_a_minimum_from_1_to_100_and_an_admin()
    {
        var tooMany = await Assert.ThrowsAsync<ValidationException>(() => _app.SendAsync(_admin,
            new UpdateSeasonInvites { SeasonId = _eras2028, InvitesExpectedBy = new DateOnly(2027, 12, 15), MinimumInvites = 101 }));
        Assert.Equal(["Enter a minimum of 1 to 100 invites."], tooMany.Errors["MinimumInvites"]);
        var none = await Assert.ThrowsAsync<ValidationException>(() => _app.SendAsync(_admin,
            new UpdateSeasonInvites { SeasonId = _eras2028, InvitesExpectedBy = new DateOnly(2027, 12, 15), MinimumInvites = 0 }));
        Assert.Equal(["Enter a minimum of 1 to 100 invites."], none.Errors["MinimumInvites"]);
        var half = await Assert.ThrowsAsync<BusinessRuleException>(() => _app.SendAsync(_admin,
            new UpdateSeasonInvites { SeasonId = _eras2028, MinimumInvites = 5 }));
        Assert.Equal("Set both the date invites are expected by and the minimum number of invites, or clear both.", half.Message);
        await Assert.ThrowsAsync<BusinessRuleException>(() => _app.SendAsync(_admin,
            new UpdateSeasonInvites { SeasonId = _eras2028, InvitesExpectedBy = new DateOnly(2027, 12, 15) }));
        await Assert.ThrowsAsync<ForbiddenException>(() => _app.SendAsync(_alice,
            new UpdateSeasonInvites { SeasonId = _eras2028, InvitesExpectedBy = new DateOnly(2027, 12, 15), MinimumInvites = 5 }));

        var season = await _app.SendAsync(_admin, new GetSeason(_eras2028));
        Assert.Equal((null, null), (season.InvitesExpectedBy, season.MinimumInvites));
    }

    [Fact]
    public async Task Signal_limits_are_added_changed_and_removed_per_specialty()
    {
        await _app.SendAsync(_admin, new SaveSignalLimits { SeasonId = _eras2028, Specialty = " Internal Medicine ", Signals = 15 });
        await _app.SendAsync(_admin, new SaveSignalLimits { SeasonId = _eras2028, Specialty = "Dermatology", Gold = 3, Silver = 25 });
        var limits = (await _app.SendAsync(_admin, new GetSeason(_eras2028))).SignalLimits;
        Assert.Equal(["Dermatology 0/3/25", "Internal Medicine 15/0/0"], limits.Select(Text));

        var im = limits.Single(l => l.Specialty == "Internal Medicine");
        await _app.SendAsync(_admin, new SaveSignalLimits { SeasonId = _eras2028, LimitId = im.Id, Specialty = "Internal Medicine", Signals = 12, Gold = 0 });
        Assert.Equal("Dermatology", await _app.SendAsync(_admin, new RemoveSignalLimits(_eras2028, limits.Single(l => l.Specialty == "Dermatology").Id)));

        var after = (await _app.SendAsync(_admin, new GetSeason(_eras2028))).SignalLimits;
        Assert.Equal(["Internal Medicine 12/0/0"], after.Select(Text));
        Assert.Equal((12, 0, (int?)null), (after[0].Signals, after[0].Gold, after[0].Silver));

        static string Text(SignalLimitItem l) => $"{l.Specialty} {l.Signals ?? 0}/{l.Gold ?? 0}/{l.Silver ?? 0}";
    }

    [Fact]
    public async Task A_signal_limit_needs_a_specialty_once_per_season_limits_from_0_to_100_and_at_least_one_limit()
    {
        await _app.SendAsync(_admin, new SaveSignalLimits { SeasonId = _eras2028, Specialty = "Internal Medicine", Signals = 15 });

        var invalid = await Assert.ThrowsAsync<ValidationException>(() => _app.SendAsync(_admin,
            new SaveSignalLimits { SeasonId = _eras2028, Specialty = " ", Signals = 101, Gold = -1 }));
        Assert.Equal(["Name the specialty, as the program directory spells it, e.g. Internal Medicine."], invalid.Errors["Specialty"]);
        Assert.Equal(["Program signals: enter 0 to 100, or leave blank for no limit."], invalid.Errors["Signals"]);
        Assert.Equal(["Gold signals: enter 0 to 100, or leave blank for no limit."], invalid.Errors["Gold"]);
        var empty = await Assert.ThrowsAsync<ValidationException>(() => _app.SendAsync(_admin,
            new SaveSignalLimits { SeasonId = _eras2028, Specialty = "Pediatrics" }));
        Assert.Equal(["Give at least one limit, or remove the row."], empty.Errors["Signals"]);
        var twice = await Assert.ThrowsAsync<BusinessRuleException>(() => _app.SendAsync(_admin,
            new SaveSignalLimits { SeasonId = _eras2028, Specialty = "internal medicine", Signals = 10 }));
        Assert.Equal("ERAS 2028 already has limits for internal medicine: change that row instead.", twice.Message);
        await Assert.ThrowsAsync<ForbiddenException>(() => _app.SendAsync(_alice,
            new SaveSignalLimits { SeasonId = _eras2028, Specialty = "Pediatrics", Signals = 10 }));
        // The same specialty in another season is another season's limit.
        var eras2027 = (await _app.SendAsync(_admin, new GetSeasons())).Single(s => s.Name == "ERAS 2027").Id;
        await _app.SendAsync(_admin, new SaveSignalLimits { SeasonId = eras2027, Specialty = "Internal Medicine", Signals = 10 });

        Assert.Equal(["Internal Medicine"], (await _app.SendAsync(_admin, new GetSeason(_eras2028))).SignalLimits.Select(l => l.Specialty));
        var limitId = (await _app.SendAsync(_admin, new GetSeason(_eras2028))).SignalLimits.Single().Id;
        await Assert.ThrowsAsync<NotFoundException>(() => _app.SendAsync(_admin, new RemoveSignalLimits(eras2027, limitId)));
    }
}
