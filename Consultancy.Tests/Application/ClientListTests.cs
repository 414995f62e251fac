using Consultancy.Application.Clients;
using Consultancy.Application.Domain;
using Consultancy.Tests.Support;

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
        var mine = await _app.SendAsync(_alice, new GetClientFilterOptions());
        Assert.Equal(["CaRMS 2027", "ERAS 2027", "ERAS 2028"], mine.Seasons);
        Assert.Empty(mine.Consultants);

        var admin = await _app.SendAsync(await _app.AdminAsync(), new GetClientFilterOptions());
        Assert.Equal(["Administrator", "alice", "bob"], admin.Consultants.Select(c => c.DisplayName));
    }
}
