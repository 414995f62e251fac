using Consultancy.Application.Clients;
using Consultancy.Application.Common.Exceptions;
using Consultancy.Application.Domain;
using Consultancy.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Tests.Application;

public sealed class ClientCaseloadTests : IAsyncLifetime
{
    private ApplicationHarness _app = null!;
    private TestUser _alice = null!, _bob = null!, _admin = null!;

    public async Task InitializeAsync()
    {
        _app = await ApplicationHarness.StartAsync();
        _admin = await _app.AdminAsync();
        _alice = await _app.ConsultantAsync("alice@consultancy.test");
        _bob = await _app.ConsultantAsync("bob@consultancy.test");
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_consultants_new_client_is_assigned_to_them_and_starts_its_stage_history()
    {
        var id = await _app.SendAsync(_alice, ClientBuilder.NewClient() with { ConsultantId = _bob.Id, Stage = ClientStage.Onboarding });

        var details = await _app.SendAsync(_alice, new GetClientDetails(id));
        Assert.Equal(_alice.Id, details.Profile.ConsultantId);
        Assert.Equal(ClientStage.Onboarding, details.Profile.Stage);
        var start = Assert.Single(details.StageHistory);
        Assert.Null(start.FromStage);
        Assert.Equal(ClientStage.Onboarding, start.ToStage);
    }

    [Fact]
    public async Task An_admin_can_create_a_client_for_another_consultant()
    {
        var id = await _app.SendAsync(_admin, ClientBuilder.NewClient(consultantId: _bob.Id));

        var details = await _app.SendAsync(_bob, new GetClientDetails(id));
        Assert.Equal(_bob.Id, details.Profile.ConsultantId);
    }

    [Fact]
    public async Task A_consultant_cannot_read_or_change_another_consultants_client()
    {
        var form = ClientBuilder.NewClient("Hira", "Qureshi");
        var id = await _app.SendAsync(_alice, form);
        var version = await _app.QueryAsync(db => db.Clients.Where(c => c.Id == id).Select(c => c.Version).SingleAsync());

        await Assert.ThrowsAsync<NotFoundException>(() => _app.SendAsync(_bob, new GetClientDetails(id)));
        await Assert.ThrowsAsync<NotFoundException>(() => _app.SendAsync(_bob, new GetClientForEdit(id)));
        await Assert.ThrowsAsync<NotFoundException>(() => _app.SendAsync(_bob, form.AsUpdate(id, version) with { FirstName = "Hijacked" }));
        await Assert.ThrowsAsync<NotFoundException>(() => _app.SendAsync(_bob, new AddClientNote(id, "Not mine")));
        await Assert.ThrowsAsync<NotFoundException>(() => _app.SendAsync(_bob, new ChangeClientStage(id, ClientStage.Withdrawn)));
        await Assert.ThrowsAsync<NotFoundException>(() => _app.SendAsync(_bob, new ArchiveClient(id)));
        var bobsList = await _app.SendAsync(_bob, new GetClientList { Search = "qureshi" });
        Assert.Empty(bobsList.Items);

        var stored = await _app.QueryAsync(db => db.Clients.Include(c => c.Notes).SingleAsync(c => c.Id == id));
        Assert.Equal("Hira", stored.FirstName);
        Assert.Equal(ClientStage.Lead, stored.Stage);
        Assert.False(stored.IsArchived);
        Assert.Empty(stored.Notes);
    }

    [Fact]
    public async Task An_admin_sees_every_caseload_and_nobody_signed_in_sees_nothing()
    {
        await _app.SendAsync(_alice, ClientBuilder.NewClient("Priya", "Zed-Alice"));
        await _app.SendAsync(_bob, ClientBuilder.NewClient("Rohan", "Zed-Bob"));

        var adminList = await _app.SendAsync(_admin, new GetClientList { Search = "zed-" });
        var anonymousList = await _app.SendAsync(null, new GetClientList { Search = "zed-" });

        Assert.Equal(["Zed-Alice", "Zed-Bob"], adminList.Items.Select(c => c.LastName));
        Assert.Empty(anonymousList.Items);
    }

    [Fact]
    public async Task Invalid_fields_are_reported_by_name_and_nothing_is_written()
    {
        var before = await _app.QueryAsync(db => db.Clients.CountAsync());
        var invalid = ClientBuilder.NewClient() with
        {
            FirstName = "", Email = "not-an-email", TimeZoneId = "Mars/Olympus_Mons", GraduationYear = 1900,
            Step2CkScore = 999, Tags = "ok, <script>alert(1)</script>",
        };

        var error = await Assert.ThrowsAsync<ValidationException>(() => _app.SendAsync(_alice, invalid));

        Assert.Equal(
            ["Email", "FirstName", "GraduationYear", "Step2CkScore", "Tags", "TimeZoneId"],
            error.Errors.Keys.Order());
        Assert.Contains("Enter the client's first name.", error.Errors["FirstName"]);
        Assert.Equal(before, await _app.QueryAsync(db => db.Clients.CountAsync()));
    }

    [Fact]
    public async Task A_windows_time_zone_id_is_refused_because_only_IANA_zones_are_stored()
    {
        var error = await Assert.ThrowsAsync<ValidationException>(() =>
            _app.SendAsync(_alice, ClientBuilder.NewClient() with { TimeZoneId = "Eastern Standard Time" }));
        Assert.True(error.Errors.ContainsKey("TimeZoneId"));
    }

    [Fact]
    public async Task An_email_already_used_by_another_consultants_client_is_refused()
    {
        var first = ClientBuilder.NewClient();
        await _app.SendAsync(_alice, first);

        var error = await Assert.ThrowsAsync<ValidationException>(() =>
            _app.SendAsync(_bob, ClientBuilder.NewClient() with { Email = first.Email.ToUpperInvariant() }));
        Assert.Equal([ "Another client already uses this email address." ], error.Errors["Email"]);
    }

    [Fact]
    public async Task Editing_a_client_writes_each_changed_field_to_the_timeline_with_who_and_when()
    {
        var form = ClientBuilder.NewClient("Omar", "Hassan");
        var id = await _app.SendAsync(_alice, form);
        var edit = await _app.SendAsync(_alice, new GetClientForEdit(id));
        _app.Clock.Advance(TimeSpan.FromHours(3));

        await _app.SendAsync(_alice, edit with { Step2CkScore = 251, Season = "ERAS 2027" });

        var timeline = (await _app.SendAsync(_alice, new GetClientDetails(id))).Timeline;
        Assert.Equal([AuditAction.Updated, AuditAction.Created], timeline.Select(t => t.Action));
        var update = timeline[0];
        Assert.Equal("alice", update.User);
        Assert.Equal(_app.Clock.GetUtcNow().UtcDateTime, update.At);
        Assert.Equal(DateTimeKind.Utc, update.At.Kind);
        Assert.Equal(
            [new AuditFieldChange("Season", "ERAS 2028", "ERAS 2027"), new AuditFieldChange("Step2CkScore", null, "251")],
            update.Changes.OrderBy(c => c.Field));
    }

    [Fact]
    public async Task Saving_an_unchanged_form_records_nothing()
    {
        var id = await _app.SendAsync(_alice, ClientBuilder.NewClient());
        var edit = await _app.SendAsync(_alice, new GetClientForEdit(id));

        await _app.SendAsync(_alice, edit);

        var timeline = (await _app.SendAsync(_alice, new GetClientDetails(id))).Timeline;
        Assert.Equal(AuditAction.Created, Assert.Single(timeline).Action);
    }

    [Fact]
    public async Task A_stale_edit_is_refused_with_the_saved_version_and_does_not_overwrite_it()
    {
        var id = await _app.SendAsync(_alice, ClientBuilder.NewClient("Sara", "Hosseini"));
        var mine = await _app.SendAsync(_alice, new GetClientForEdit(id));
        var theirs = await _app.SendAsync(_admin, new GetClientForEdit(id));
        await _app.SendAsync(_admin, theirs with { Phone = "+1 416 555 0199" });

        var conflict = await Assert.ThrowsAsync<ConcurrencyException>(() =>
            _app.SendAsync(_alice, mine with { LastName = "Hosseini-Karimi" }));

        var saved = Assert.IsType<UpdateClient>(conflict.Current);
        Assert.Equal("+1 416 555 0199", saved.Phone);
        Assert.Equal("Hosseini", saved.LastName);
        var stored = await _app.QueryAsync(db => db.Clients.SingleAsync(c => c.Id == id));
        Assert.Equal(("Hosseini", "+1 416 555 0199"), (stored.LastName, stored.Phone));

        await _app.SendAsync(_alice, mine with { LastName = "Hosseini-Karimi", Version = saved.Version });
        Assert.Equal("Hosseini-Karimi", (await _app.QueryAsync(db => db.Clients.SingleAsync(c => c.Id == id))).LastName);
    }

    [Fact]
    public async Task Changing_the_stage_appends_to_its_history()
    {
        var id = await _app.SendAsync(_alice, ClientBuilder.NewClient());
        _app.Clock.Advance(TimeSpan.FromDays(2));

        await _app.SendAsync(_alice, new ChangeClientStage(id, ClientStage.Documents));
        await _app.SendAsync(_alice, new ChangeClientStage(id, ClientStage.Documents));

        var history = (await _app.SendAsync(_alice, new GetClientDetails(id))).StageHistory;
        Assert.Equal(2, history.Count);
        Assert.Equal((ClientStage?)ClientStage.Lead, history[0].FromStage);
        Assert.Equal(ClientStage.Documents, history[0].ToStage);
        Assert.Equal("alice", history[0].ChangedBy);
    }

    [Fact]
    public async Task Only_admins_reassign_and_a_reassigned_client_moves_to_the_new_caseload()
    {
        var id = await _app.SendAsync(_alice, ClientBuilder.NewClient());

        await Assert.ThrowsAsync<ForbiddenException>(() => _app.SendAsync(_alice, new AssignClient(id, _bob.Id)));
        await _app.SendAsync(_admin, new AssignClient(id, _bob.Id));

        await Assert.ThrowsAsync<NotFoundException>(() => _app.SendAsync(_alice, new GetClientDetails(id)));
        var details = await _app.SendAsync(_bob, new GetClientDetails(id));
        Assert.Equal(_bob.Id, details.Profile.ConsultantId);
        Assert.Equal(new AuditFieldChange("ConsultantId", "alice", "bob"), Assert.Single(details.Timeline[0].Changes));
    }

    [Fact]
    public async Task Archived_clients_leave_the_default_list_and_can_be_restored()
    {
        var id = await _app.SendAsync(_alice, ClientBuilder.NewClient("Archie", "Vale"));

        await _app.SendAsync(_alice, new ArchiveClient(id));
        Assert.Empty((await _app.SendAsync(_alice, new GetClientList { Search = "vale" })).Items);
        Assert.Single((await _app.SendAsync(_alice, new GetClientList { Search = "vale", Archived = true })).Items);

        await _app.SendAsync(_alice, new ArchiveClient(id, Archived: false));
        Assert.Single((await _app.SendAsync(_alice, new GetClientList { Search = "vale" })).Items);
    }

    [Fact]
    public async Task Notes_are_kept_newest_first_with_their_author()
    {
        var id = await _app.SendAsync(_alice, ClientBuilder.NewClient());
        await _app.SendAsync(_alice, new AddClientNote(id, "Strategy call: wants IM and FM."));
        _app.Clock.Advance(TimeSpan.FromMinutes(5));
        await _app.SendAsync(_alice, new AddClientNote(id, "  Sent the CV template.  "));

        var notes = (await _app.SendAsync(_alice, new GetClientDetails(id))).Notes;
        Assert.Equal(["Sent the CV template.", "Strategy call: wants IM and FM."], notes.Select(n => n.Body));
        Assert.All(notes, n => Assert.Equal("alice", n.Author));
        await Assert.ThrowsAsync<ValidationException>(() => _app.SendAsync(_alice, new AddClientNote(id, " ")));
    }
}
