using System.Net;
using AngleSharp.Dom;
using Consultancy.Application.Domain;
using Consultancy.Infrastructure.Identity;
using Consultancy.Infrastructure.Persistence;
using Consultancy.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Consultancy.Tests.Web;

public sealed class ReportPagesTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task An_admin_reads_a_seasons_report_and_downloads_the_same_table_as_CSV()
    {
        var consultant = await app.ConsultantAsync("reports1@consultancy.test");
        var clientId = await app.Services.SendAsAsync(consultant, ClientBuilder.NewClient("Report", "Client") with { Season = "CaRMS 2028" });
        await app.Services.ApplicationsAsync(consultant, clientId, "CaRMS 2028", DateTime.UtcNow,
            ApplicationStatus.Applied, ApplicationStatus.InterviewInvited, ApplicationStatus.Ranked, ApplicationStatus.Rejected);
        var seasonId = await QueryAsync(db => db.Seasons.Where(s => s.Name == "CaRMS 2028").Select(s => s.Id).SingleAsync());
        var admin = await BrowserlessSession.SignInAsync(app, app.Admin);

        var page = await admin.GetPageAsync($"/Reports?seasonId={seasonId}");

        Assert.Equal("Report: CaRMS 2028 · Consultancy", page.Title);
        Assert.Equal(seasonId.ToString(), page.QuerySelector("#seasonId option[selected]")!.GetAttribute("value"));
        var headers = page.QuerySelectorAll("#season-report thead th").Select(th => th.TextContent.Trim()).ToList();
        Assert.Equal(["Consultant", "Clients", "Applied", "Invites", "Invites per application", "Interviews", "Ranked", "Matched", "Match rate"], headers);
        var row = Cells(page.QuerySelectorAll("#season-report tbody tr").Single(r => r.QuerySelector("th")!.TextContent.Trim() == "reports1"));
        Assert.Equal(["reports1", "1", "4", "2", "0.50", "1", "1", "0", "—"], row);
        var total = Cells(page.QuerySelector("#season-report tfoot tr")!);
        Assert.Equal("All consultants", total[0]);
        Assert.Contains(page.QuerySelectorAll("#admin-menu + ul a"), a => a.GetAttribute("href") == "/Reports");

        var csv = await admin.Http.GetAsync(page.QuerySelector("a[download]")!.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Season,Consultant,Clients,Applied,Invites,Invites per application,Interviews,Ranked,Matched,Match rate", lines[0]);
        Assert.Contains("CaRMS 2028,reports1,1,4,2,0.50,1,1,0,—", lines);
        Assert.Equal("CaRMS 2028," + string.Join(",", total), lines[^1]);
        Assert.Equal(page.QuerySelectorAll("#season-report tbody tr").Length + 2, lines.Length);
    }

    [Fact]
    public async Task The_report_opens_on_a_season_by_itself_and_an_unknown_season_is_not_found()
    {
        var admin = await BrowserlessSession.SignInAsync(app, app.Admin);

        var page = await admin.GetPageAsync("/Reports");

        Assert.NotNull(page.QuerySelector("#seasonId option[selected]"));
        Assert.NotNull(page.QuerySelector("#season-report caption"));
        Assert.Equal(HttpStatusCode.OK, (await admin.Http.GetAsync("/Reports/Export")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.Http.GetAsync("/Reports?seasonId=999999")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.Http.GetAsync("/Reports?seasonId=soon")).StatusCode);
    }

    [Fact]
    public async Task Consultants_are_refused_the_report_and_its_CSV()
    {
        var consultant = await BrowserlessSession.SignInAsync(app, await app.ConsultantAsync("reports2@consultancy.test"));
        var home = await consultant.GetPageAsync("/");
        Assert.DoesNotContain(home.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/Reports");

        foreach (var url in new[] { "/Reports", "/Reports?seasonId=1", "/Reports/Export", "/Reports/Export?seasonId=1" })
        {
            var response = await consultant.Http.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Error/403", response.Headers.Location!.PathAndQuery);
        }
    }

    private static string[] Cells(IElement row) => row.Children.Select(c => c.TextContent.Trim()).ToArray();

    private async Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var scope = app.Services.CreateSystemScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }
}
