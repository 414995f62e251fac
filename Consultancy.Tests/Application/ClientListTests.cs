using Consultancy.Application.Common;
using Consultancy.Application.Clients;
using Consultancy.Application.Domain;
using Consultancy.Application.ProgramApplications;
using Consultancy.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Tests.Application;

public sealed class ClientListTests : IAsyncLifetime
{
    private ApplicationHarness _app = null!;
    private TestUser _alice = null!, _bob = null!;

    public async Task InitializeAsync()
    {
        _app = await ApplicationHarness.StartAsync();
        _alice = await _app.ConsultantAsync("alice@consultancy.test");
        _bob = await _app.ConsultantAsync("bob@consultancy.test");

        await _app.SendAsync(_alice, ClientBuilder.NewClient("Ayesha", "Khan") with { MedicalSchool = "King Edward Medical University", Tags = "priority" });
        await _app.SendAsync(_alice, ClientBuilder.NewClient("Bilal", "Malik") with { TargetSystem = TargetSystem.CaRMS, Season = "CaRMS 2027", Stage = ClientStage.Applied });
        await _app.SendAsync(_alice, ClientBuilder.NewClient("Chinedu", "Eze") with { Tags = "Priority, needs-usce", Stage = ClientStage.Applied });
        await _app.SendAsync(_alice, ClientBuilder.NewClient("Dina", "Saleh") with { Season = "ERAS 2027" });
        await _app.SendAsync(_bob, ClientBuilder.NewClient("Elena", "Kovalenko"));
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private Task<IReadOnlyList<string>> NamesAsync(GetClientList query) =>
        _app.SendAsync(_alice, query).ContinueWith(t => (IReadOnlyList<string>)t.Result.Items.Select(c => c.LastName).ToList());

    [Fact]
    public async Task Search_matches_name_email_or_school_case_insensitively()
    {
        Assert.Equal(["Khan"], await NamesAsync(new GetClientList { Search = "KING edward" }));
        Assert.Equal(["Malik"], await NamesAsync(new GetClientList { Search = "bilal mal" }));
        Assert.Equal(["Eze"], await NamesAsync(new GetClientList { Search = "chinedu.eze" }));
        Assert.Empty(await NamesAsync(new GetClientList { Search = "kovalenko" }));
    }

    [Fact]
    public async Task Search_follows_edits_and_short_terms_still_match()
    {
        var id = (await _app.SendAsync(_alice, new GetClientList { Search = "saleh" })).Items.Single().Id;
        var edit = await _app.SendAsync(_alice, new GetClientForEdit(id));

        await _app.SendAsync(_alice, edit with { LastName = "Mansour", Email = "dina.mansour@applicant.test", MedicalSchool = "Ain Shams University" });

        Assert.Empty(await NamesAsync(new GetClientList { Search = "saleh" }));
        Assert.Equal(["Mansour"], await NamesAsync(new GetClientList { Search = "ain shams" }));
        Assert.Equal(["Mansour"], await NamesAsync(new GetClientList { Search = "mansour" }));
        Assert.Equal(["Eze"], await NamesAsync(new GetClientList { Search = "ez" }));
        Assert.Empty(await NamesAsync(new GetClientList { Search = "\"quoted\" OR *" }));
    }

    [Fact]
    public async Task Filters_combine_stage_system_season_and_tag()
    {
        Assert.Equal(["Eze", "Malik"], await NamesAsync(new GetClientList { Stage = ClientStage.Applied }));
        Assert.Equal(["Malik"], await NamesAsync(new GetClientList { System = TargetSystem.CaRMS }));
        Assert.Equal(["Saleh"], await NamesAsync(new GetClientList { Season = "ERAS 2027" }));
        Assert.Equal(["Eze", "Khan"], await NamesAsync(new GetClientList { Tag = "PRIORITY" }));
        Assert.Equal(["Eze"], await NamesAsync(new GetClientList { Tag = "priority", Stage = ClientStage.Applied }));
        Assert.Empty(await NamesAsync(new GetClientList { Tag = "prio" }));
    }

    [Fact]
    public async Task Sorting_and_paging_walk_the_whole_list_once()
    {
        Assert.Equal(["Saleh", "Malik", "Khan", "Eze"], await NamesAsync(new GetClientList { Sort = ClientSort.NameDescending }));

        var first = await _app.SendAsync(_alice, new GetClientList { PageSize = 10, Page = 1 });
        Assert.Equal((4, 1, 1), (first.TotalCount, first.PageCount, first.Page));

        var beyond = await _app.SendAsync(_alice, new GetClientList { PageSize = 10, Page = 99 });
        Assert.Equal(1, beyond.Page);
        Assert.Equal(4, beyond.Items.Count);
    }

    [Fact]
    public async Task An_unsupported_page_size_falls_back_to_the_default()
    {
        var page = await _app.SendAsync(_alice, new GetClientList { PageSize = 100_000 });
        Assert.Equal(Consultancy.Application.Common.Paging.Paging.DefaultPageSize, page.PageSize);
    }

    [Fact]
    public async Task Filter_options_list_the_caseloads_seasons_and_only_admins_get_consultants()
    {
        await _app.SendAsync(_bob, ClientBuilder.NewClient("Farid", "Haddad") with { Season = "Research year 2031" });
        await _app.SendAsync(_bob, ClientBuilder.NewClient("Grace", "Mensah") with { Season = null });

        var mine = await _app.SendAsync(_alice, new GetClientFilterOptions());
        Assert.Equal(["CaRMS 2027", "ERAS 2027", "ERAS 2028"], mine.Seasons);
        Assert.Empty(mine.Consultants);

        var bobs = await _app.SendAsync(_bob, new GetClientFilterOptions());
        Assert.Equal(["ERAS 2028", "Research year 2031"], bobs.Seasons);

        var admin = await _app.SendAsync(await _app.AdminAsync(), new GetClientFilterOptions());
        Assert.Equal(["CaRMS 2027", "ERAS 2027", "ERAS 2028", "Research year 2031"], admin.Seasons);
        Assert.Equal(["Administrator", "alice", "bob"], admin.Consultants.Select(c => c.DisplayName));
    }

    [Fact]
    public async Task Pages_read_from_the_far_end_hold_the_same_clients_as_reading_forward()
    {
        // Repeated names, missing seasons and identical update times: only the id tells these apart.
        string[] surnames = ["Okafor", "Okafor", "Ahmed", "Zulu", "Ahmed", "Nwosu", "Okafor"];
        for (var i = 0; i < 21; i++)
        {
            await _app.SendAsync(_alice, ClientBuilder.NewClient(i % 3 == 0 ? "Amara" : "Tunde", surnames[i % surnames.Length]) with
            {
                Stage = (ClientStage)(i % 4),
                Season = i % 5 == 0 ? null : $"ERAS {2026 + i % 3}",
            });
            if (i % 4 == 0) _app.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        foreach (var sort in Enum.GetValues<ClientSort>())
        {
            var whole = await _app.SendAsync(_alice, new GetClientList { Sort = sort, PageSize = 100 });
            Assert.Equal(25, whole.TotalCount);

            var paged = new List<int>();
            for (var page = 1; page <= 3; page++)
            {
                var items = (await _app.SendAsync(_alice, new GetClientList { Sort = sort, PageSize = 10, Page = page })).Items;
                Assert.Equal(page < 3 ? 10 : 5, items.Count);
                paged.AddRange(items.Select(c => c.Id));
            }
            Assert.Equal(whole.Items.Select(c => c.Id), paged);
        }
    }

    [Fact]
    public async Task Totals_follow_every_change_to_a_client_at_once()
    {
        Assert.Equal(4, (await _app.SendAsync(_alice, new GetClientList())).TotalCount);
        Assert.Equal(2, (await _app.SendAsync(_alice, new GetClientList { Stage = ClientStage.Applied })).TotalCount);
        Assert.Equal(0, (await _app.SendAsync(_alice, new GetClientList { Archived = true })).TotalCount);

        var id = await _app.SendAsync(_alice, ClientBuilder.NewClient("Hira", "Qureshi"));
        Assert.Equal(5, (await _app.SendAsync(_alice, new GetClientList())).TotalCount);

        await _app.SendAsync(_alice, new ChangeClientStage(id, ClientStage.Applied));
        Assert.Equal(3, (await _app.SendAsync(_alice, new GetClientList { Stage = ClientStage.Applied })).TotalCount);

        await _app.SendAsync(_alice, new ArchiveClient(id));
        Assert.Equal(4, (await _app.SendAsync(_alice, new GetClientList())).TotalCount);
        Assert.Equal(1, (await _app.SendAsync(_alice, new GetClientList { Archived = true })).TotalCount);
        Assert.Equal(2, (await _app.SendAsync(_alice, new GetClientList { Stage = ClientStage.Applied })).TotalCount);
    }

    [Fact]
    public async Task A_total_is_counted_again_within_a_minute_of_a_change_made_outside_the_app()
    {
        Assert.Equal(4, (await _app.SendAsync(_alice, new GetClientList())).TotalCount);

        await _app.QueryAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE \"Clients\" SET \"IsArchived\" = TRUE WHERE \"LastName\" = 'Saleh'"));
        _app.Clock.Advance(CaseloadTotals.DefaultLifetime);

        var list = await _app.SendAsync(_alice, new GetClientList());
        Assert.Equal(3, list.TotalCount);
        Assert.DoesNotContain("Saleh", list.Items.Select(c => c.LastName));
    }

    [Fact]
    public async Task With_a_zero_totals_lifetime_every_list_counts_afresh()
    {
        await using var app = await ApplicationHarness.StartAsync(new Dictionary<string, string?> { ["Caseload:TotalsCacheSeconds"] = "0" });
        var consultant = await app.ConsultantAsync("counts@consultancy.test");
        await app.SendAsync(consultant, ClientBuilder.NewClient("Imran", "Siddiqui"));
        Assert.Equal(1, (await app.SendAsync(consultant, new GetClientList())).TotalCount);

        await app.QueryAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE \"Clients\" SET \"IsArchived\" = TRUE"));

        Assert.Equal(0, (await app.SendAsync(consultant, new GetClientList())).TotalCount);
    }

    [Fact]
    public async Task Totals_are_kept_per_caseload_and_filter()
    {
        var admin = await _app.AdminAsync();
        Assert.Equal(4, (await _app.SendAsync(_alice, new GetClientList())).TotalCount);
        Assert.Equal(1, (await _app.SendAsync(_bob, new GetClientList())).TotalCount);
        Assert.Equal(5, (await _app.SendAsync(admin, new GetClientList())).TotalCount);
        Assert.Equal(4, (await _app.SendAsync(admin, new GetClientList { ConsultantId = _alice.Id })).TotalCount);
        Assert.Equal(1, (await _app.SendAsync(_alice, new GetClientList { Search = "  KHAN " })).TotalCount);
        Assert.Equal(2, (await _app.SendAsync(_alice, new GetClientList { Tag = "priority" })).TotalCount);
        Assert.Equal(1, (await _app.SendAsync(_alice, new GetClientList { Tag = "needs-usce" })).TotalCount);
        Assert.Equal(1, (await _app.SendAsync(_alice, new GetClientList { Season = "ERAS 2027" })).TotalCount);
    }

    [Fact]
    public async Task Applications_invites_and_interviews_are_counted_in_each_clients_season()
    {
        var khan = await IdOfAsync("Khan");
        var malik = await IdOfAsync("Malik");
        var saleh = await IdOfAsync("Saleh");
        await _app.ApplicationsAsync(_alice, khan, "ERAS 2028",
            ApplicationStatus.Researching, ApplicationStatus.Applied, ApplicationStatus.Rejected, ApplicationStatus.Withdrawn,
            ApplicationStatus.InterviewInvited, ApplicationStatus.InterviewScheduled, ApplicationStatus.Interviewed,
            ApplicationStatus.Ranked, ApplicationStatus.Matched, ApplicationStatus.NotMatched);
        // Another season's applications are not the client's current season's.
        await _app.ApplicationsAsync(_alice, khan, "ERAS 2027", ApplicationStatus.InterviewInvited, ApplicationStatus.Interviewed);
        await _app.ApplicationsAsync(_alice, malik, "CaRMS 2027", ApplicationStatus.Applied, ApplicationStatus.InterviewInvited);
        await _app.ApplicationsAsync(_alice, saleh, "ERAS 2027", ApplicationStatus.InterviewScheduled, ApplicationStatus.InterviewInvited, ApplicationStatus.Applied);

        var list = (await _app.SendAsync(_alice, new GetClientList())).Items.ToDictionary(c => c.LastName);

        // Applied: sent and not withdrawn (8 of 10); invites: Interview invited to the outcome (6); interviews: scheduled on (5).
        Assert.Equal((8, 6, 5), (list["Khan"].Applied, list["Khan"].Invites, list["Khan"].Interviews));
        Assert.Equal((2, 1, 0), (list["Malik"].Applied, list["Malik"].Invites, list["Malik"].Interviews));
        Assert.Equal((3, 2, 1), (list["Saleh"].Applied, list["Saleh"].Invites, list["Saleh"].Interviews));
        Assert.Equal((0, 0, 0), (list["Eze"].Applied, list["Eze"].Invites, list["Eze"].Interviews));
    }

    [Fact]
    public async Task The_list_filters_to_clients_with_fewer_invites_than_a_number_and_sorts_by_invites()
    {
        await _app.ApplicationsAsync(_alice, await IdOfAsync("Khan"), "ERAS 2028",
            ApplicationStatus.InterviewInvited, ApplicationStatus.Interviewed, ApplicationStatus.Matched);
        await _app.ApplicationsAsync(_alice, await IdOfAsync("Malik"), "CaRMS 2027", ApplicationStatus.InterviewScheduled, ApplicationStatus.Applied);
        await _app.ApplicationsAsync(_alice, await IdOfAsync("Eze"), "ERAS 2028", ApplicationStatus.Withdrawn, ApplicationStatus.Rejected);

        Assert.Equal(["Eze", "Malik", "Saleh"], await NamesAsync(new GetClientList { FewerInvitesThan = 3 }));
        Assert.Equal(["Eze", "Saleh"], await NamesAsync(new GetClientList { FewerInvitesThan = 1 }));
        Assert.Equal(["Eze"], await NamesAsync(new GetClientList { FewerInvitesThan = 1, Tag = "priority" }));
        Assert.Equal(2, (await _app.SendAsync(_alice, new GetClientList { FewerInvitesThan = 1 })).TotalCount);
        // Below one is "no invites", the smallest question there is.
        Assert.Equal(["Eze", "Saleh"], await NamesAsync(new GetClientList { FewerInvitesThan = -5 }));
        Assert.Equal(["Eze", "Saleh", "Malik", "Khan"], await NamesAsync(new GetClientList { Sort = ClientSort.FewestInvites }));
        Assert.Equal(["Khan", "Malik", "Eze", "Saleh"], await NamesAsync(new GetClientList { Sort = ClientSort.MostInvites }));
        // Bob's client is not Alice's to count, even for an invites filter.
        Assert.DoesNotContain("Kovalenko", await NamesAsync(new GetClientList { FewerInvitesThan = 5 }));
    }

    [Fact]
    public async Task A_kept_total_follows_an_application_reaching_an_invite()
    {
        var khan = await IdOfAsync("Khan");
        var ids = await _app.ApplicationsAsync(_alice, khan, "ERAS 2028", ApplicationStatus.Applied);
        Assert.Equal(4, (await _app.SendAsync(_alice, new GetClientList { FewerInvitesThan = 1 })).TotalCount);

        await _app.SendAsync(_alice, new ChangeApplicationStatus(ids[0], ApplicationStatus.InterviewInvited));

        Assert.Equal(3, (await _app.SendAsync(_alice, new GetClientList { FewerInvitesThan = 1 })).TotalCount);
    }

    private async Task<int> IdOfAsync(string lastName) =>
        (await _app.SendAsync(_alice, new GetClientList { Search = lastName })).Items.Single().Id;
}
