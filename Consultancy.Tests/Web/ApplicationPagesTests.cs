using System.Net;
using Consultancy.Application.Domain;
using Consultancy.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Tests.Web;

/// <summary>A client's applications through the pages, as a consultant's browser posts them.</summary>
public sealed class ApplicationPagesTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Season = "ERAS 2028";

    [Fact]
    public async Task Adding_an_application_and_recording_an_invite_show_on_the_clients_timeline_in_the_forms_words()
    {
        var session = await BrowserlessSession.SignInAsync(app, await app.ConsultantAsync("applications1@consultancy.test"));
        var created = await session.SubmitAsync("/Clients/Create", "main form", WebForms.NewClient("Omar", "Siddiqui"));
        var clientPage = created.Headers.Location!.OriginalString;
        var clientId = int.Parse(clientPage.Split('/')[^1]);
        var program = ProgramBuilder.Program("Timeline Internal Medicine");
        await app.QueryAsync(async db => { db.ResidencyPrograms.Add(program); await db.SaveChangesAsync(); return program.Id; });

        var added = await session.SubmitAsync($"/Applications/Find/{clientId}?allSpecialties=true", "form[action*='/Applications/Add/']",
            new() { ["programIds"] = program.Id.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var applicationId = await app.QueryAsync(db => db.ProgramApplications.Where(a => a.ClientId == clientId).Select(a => a.Id).SingleAsync());
        var invited = await session.PostAsync($"/Applications/Status/{applicationId}", $"/Applications/Details/{applicationId}", new() { ["status"] = "InterviewInvited" });
        Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);

        var timeline = (await session.GetPageAsync(clientPage)).QuerySelector("section[aria-labelledby=timeline-heading]")!.TextContent;
        Assert.Contains("Application added", timeline);
        Assert.Contains("Timeline Internal Medicine (Internal Medicine)", timeline);
        Assert.Contains("Application changed", timeline);
        Assert.Contains("Researching → Interview invited", timeline);
        Assert.DoesNotContain("InterviewInvited", timeline);
    }

    [Fact]
    public async Task A_clients_applications_page_runs_at_most_five_SQL_queries_the_same_for_250_applications_as_for_10()
    {
        var consultant = await app.ConsultantAsync("applications.budget@consultancy.test");
        var session = await BrowserlessSession.SignInAsync(app, consultant);
        var programs = await app.AddProgramsAsync(Enumerable.Range(0, 250).Select(n =>
            ProgramBuilder.Program($"Budget Program {n:000} — Internal Medicine", imgShare: n % 100, minimumStep2: 220 + n % 30, maximumYears: 3 + n % 5)));
        var few = await app.AddClientAsync(consultant.Id, ClientStage.Applied, "Few", "Applications");
        var many = await app.AddClientAsync(consultant.Id, ClientStage.Applied, "Many", "Applications");
        await app.AddApplicationsAsync(few, Season, programs.Take(10).ToList());
        await app.AddApplicationsAsync(many, Season, programs);

        var (fewQueries, fewPage) = await QueriesOfAsync(session, $"/Applications/Index/{few}");
        var (manyQueries, manyPage) = await QueriesOfAsync(session, $"/Applications/Index/{many}");

        Assert.Equal(250, manyPage.QuerySelectorAll("table.applications tbody tr").Length);
        Assert.Equal(250, manyPage.QuerySelectorAll("table.applications tbody tr ul.fit-badges").Length);
        Assert.Equal(63, manyPage.QuerySelectorAll("table.applications tbody tr").Count(tr => tr.TextContent.Contains("Score ")));
        Assert.Equal(["Dr. Referee 1 (Internal Medicine)", "Dr. Referee 2 (Internal Medicine)", "Dr. Referee 3 (Internal Medicine)"],
            manyPage.QuerySelectorAll("#letterId option").Skip(1).Select(o => o.TextContent));
        Assert.Equal(10, fewPage.QuerySelectorAll("table.applications tbody tr").Length);
        // The sign-in session check every signed-in request makes; the client with their letters, the season, the seasons
        // with applications, and the applications with their programs, letter counts and scores.
        Assert.True(manyQueries.Count <= 5, $"250 applications ran {manyQueries.Count} queries:\n{string.Join("\n\n", manyQueries)}");
        Assert.Equal(fewQueries.Count, manyQueries.Count);
    }

    /// <summary>The SQL commands of one view of a page, after a first view that warmed the app's caches.</summary>
    private async Task<(IReadOnlyList<string> Commands, AngleSharp.Dom.IDocument Page)> QueriesOfAsync(BrowserlessSession session, string url)
    {
        await session.GetPageAsync(url);
        app.SqlCommands.Clear();
        var response = await session.Http.GetAsync(url);
        var commands = app.SqlCommands.Commands;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (commands, await BrowserlessSession.ParseAsync(response));
    }
}
