using Microsoft.Extensions.DependencyInjection;
using Consultancy.Application.Common;
using System.Net;
using Consultancy.Application.Deadlines;
using Consultancy.Application.Domain;
using Consultancy.Application.Letters;
using Consultancy.Application.Playbooks;
using Consultancy.Application.ProgramApplications;
using Consultancy.Tests.Support;

namespace Consultancy.Tests.Web;

public sealed class DashboardPagesTests(AppFactory app) : IClassFixture<AppFactory>
{
    /// <summary>
    /// The dashboard's queries when it counts afresh: calls 2, interviews 2, clients at risk 2, deadlines 4, letters
    /// waiting 2, letter warnings 4 (how many clients have letters, the first ones with their letters, the seasons' key
    /// dates, their applications with the letters assigned), stages 1, outbox 1, and the sign-in session check every
    /// signed-in request makes. A repeat view within the totals' lifetime reads the kept stage, outbox, overdue and
    /// due-soon counts and the kept clients at risk.
    /// </summary>
    private const int DashboardQueries = 19;
    private const int KeptCounts = 6;

    [Fact]
    public async Task The_home_page_is_the_dashboard_and_each_figure_links_to_the_list_behind_it()
    {
        var consultant = await app.ConsultantAsync("dash1@consultancy.test");
        var clientId = await app.Services.SendAsAsync(consultant, ClientBuilder.NewClient("Amara") with { Stage = ClientStage.Applied });
        await app.Services.SendAsAsync(consultant, new AddDeadline { ClientId = clientId, Title = "Personal statement draft", DueDate = new DateOnly(2020, 1, 10) });
        var session = await BrowserlessSession.SignInAsync(app, consultant);

        var home = await session.GetPageAsync("/");

        Assert.Equal("Dashboard · Consultancy", home.Title);
        Assert.Equal("Your day", home.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("/Deadlines?window=Overdue", home.QuerySelector("#figure-overdue")!.GetAttribute("href"));
        Assert.Equal("1 overdue deadlines", Normalised(home.QuerySelector("#figure-overdue")!.TextContent));
        Assert.Equal("/Outbox?status=Failed", home.QuerySelector("#figure-failed")!.GetAttribute("href"));
        Assert.Equal("/Letters", home.QuerySelector("#figure-letters")!.GetAttribute("href"));
        Assert.Equal("/Calls", home.QuerySelector("#figure-calls-today")!.GetAttribute("href"));
        var appliedRow = home.QuerySelectorAll("#stage-chart tbody tr").Single(r => r.QuerySelector("th")!.TextContent.Trim() == "Applied");
        Assert.Equal("/Clients?stage=Applied", appliedRow.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("1", appliedRow.QuerySelector(".chart-count")!.TextContent.Trim());
        Assert.NotNull(appliedRow.QuerySelector("svg rect"));
        Assert.Contains("Personal statement draft", home.QuerySelector("#overdue-deadlines")!.TextContent);
        Assert.Contains("67.6 %", home.QuerySelector("#reference-figures")!.TextContent);
        Assert.Empty(home.QuerySelectorAll("script:not([src])"));
        Assert.Empty(home.QuerySelectorAll("[style]"));

        var overdueList = await session.GetPageAsync("/Deadlines?window=Overdue");
        Assert.Contains("Personal statement draft", overdueList.QuerySelector("table")!.TextContent);
    }

    [Fact]
    public async Task A_new_consultant_sees_empty_states_that_say_what_to_do_next()
    {
        var session = await BrowserlessSession.SignInAsync(app, await app.ConsultantAsync("dash2@consultancy.test"));

        var home = await session.GetPageAsync("/");

        Assert.Contains("Add a client", home.QuerySelector("#stages-heading")!.ParentElement!.ParentElement!.TextContent);
        Assert.Contains("Share your booking page", home.QuerySelector("#no-calls-today")!.TextContent);
        Assert.Contains("Nothing overdue", home.QuerySelector("#deadlines-heading")!.ParentElement!.ParentElement!.TextContent);
    }

    [Fact]
    public async Task An_admin_picks_a_consultant_and_the_links_keep_that_choice()
    {
        var consultant = await app.ConsultantAsync("dash3@consultancy.test");
        await app.Services.SendAsAsync(consultant, ClientBuilder.NewClient("Bilal") with { Stage = ClientStage.Interviewing });
        var admin = await BrowserlessSession.SignInAsync(app, app.Admin);

        var home = await admin.GetPageAsync($"/?consultantId={consultant.Id}");

        Assert.Equal("dash3's day", home.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal(consultant.Id, home.QuerySelector("#consultantId option[selected]")!.GetAttribute("value"));
        Assert.Equal($"/Deadlines?window=Overdue&consultantId={consultant.Id}", home.QuerySelector("#figure-overdue")!.GetAttribute("href"));
        Assert.Equal("1", Normalised(home.QuerySelector("#figure-clients .figure-value")!.TextContent));
    }

    [Fact]
    public async Task The_dashboard_runs_the_same_number_of_SQL_queries_whatever_the_caseload_size()
    {
        var consultant = await app.ConsultantAsync("dash4@consultancy.test");
        var session = await BrowserlessSession.SignInAsync(app, consultant);
        var seasons = await app.Services.SendAsAsync(app.Admin, new GetSeasons());
        await app.Services.SendAsAsync(app.Admin, new UpdateSeasonInvites
        {
            SeasonId = seasons.Single(s => s.Name == "ERAS 2028").Id, InvitesExpectedBy = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-2), MinimumInvites = 5,
        });
        await AddClientsWithWorkAsync(consultant, 1);
        var small = await QueriesForAsync(session, "/");

        await AddClientsWithWorkAsync(consultant, 30);
        var large = await QueriesForAsync(session, "/");
        app.SqlCommands.Clear();
        await session.GetPageAsync("/");
        var repeat = app.SqlCommands.Count;
        var admin = await BrowserlessSession.SignInAsync(app, app.Admin);
        var everyone = await QueriesForAsync(admin, "/");

        Assert.Equal(DashboardQueries, small.Count);
        Assert.Equal(DashboardQueries, large.Count);
        Assert.Equal(DashboardQueries - KeptCounts, repeat);
        var home = await session.GetPageAsync("/");
        Assert.Equal(8, home.QuerySelectorAll("#letters-waiting > li").Length);
        Assert.Equal(8, home.QuerySelectorAll("#interviews > li").Length);
        Assert.Equal(8, home.QuerySelectorAll("#clients-at-risk > li").Length);
        Assert.Equal("31 letters waiting", Normalised(home.QuerySelector("#figure-letters")!.TextContent));
        // An admin's page also reads the consultants for its filter.
        Assert.Equal(DashboardQueries + 1, everyone.Count);
    }

    private async Task AddClientsWithWorkAsync(TestUser consultant, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var clientId = await app.Services.SendAsAsync(consultant, ClientBuilder.NewClient($"Client{i}") with { Stage = (ClientStage)(i % 10) });
            await app.Services.SendAsAsync(consultant, new AddDeadline { ClientId = clientId, Title = "Overdue", DueDate = new DateOnly(2020, 1, 1) });
            var letter = await app.Services.SendAsAsync(consultant, LetterBuilder.NewLetter(clientId, new DateOnly(2030, 1, 1)));
            await app.Services.SendAsAsync(consultant, new SendLetterRequest(letter));
            var application = await app.Services.ApplicationsAsync(consultant, clientId, "ERAS 2028", DateTime.UtcNow, ApplicationStatus.InterviewInvited);
            await app.Services.SendAsAsync(consultant, new ScheduleInterview
            {
                Id = application[0], Date = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(2), Time = new TimeOnly(10, 0), Format = InterviewFormat.Virtual,
            });
        }
    }

    private async Task<IReadOnlyList<string>> QueriesForAsync(BrowserlessSession session, string url)
    {
        await session.GetPageAsync(url);
        // Counted afresh, as the first view after any change is.
        app.Services.GetRequiredService<CaseloadTotals>().CaseloadChanged();
        app.SqlCommands.Clear();
        var response = await session.Http.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return app.SqlCommands.Commands;
    }

    private static string Normalised(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
