using System.Net;
using AngleSharp.Dom;
using Consultancy.Application.Domain;
using Consultancy.Infrastructure.Identity;
using Consultancy.Infrastructure.Persistence;
using Consultancy.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Consultancy.Tests.Web;

public sealed class ClientPagesTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task A_client_added_through_the_form_appears_on_its_page_and_in_search()
    {
        var session = await BrowserlessSession.SignInAsync(app, await app.ConsultantAsync("pages1@consultancy.test"));

        var created = await session.SubmitAsync("/Clients/Create", "main form", WebForms.NewClient("Ananya", "Reddy"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);

        var details = await session.GetPageAsync(created.Headers.Location!.OriginalString);
        Assert.Equal("Ananya Reddy · Consultancy", details.Title);
        Assert.Contains("Ananya Reddy was added to the caseload.", details.QuerySelector("[role=status]")!.TextContent);
        var list = await session.GetPageAsync("/Clients?search=reddy");
        Assert.Equal(["Reddy, Ananya"], list.QuerySelectorAll("table tbody tr td:first-child a").Select(a => a.TextContent.Trim()));
    }

    [Fact]
    public async Task Bad_input_shows_the_form_again_with_messages_and_writes_nothing()
    {
        var session = await BrowserlessSession.SignInAsync(app, await app.ConsultantAsync("pages2@consultancy.test"));
        var before = await CountClientsAsync();
        var fields = new Dictionary<string, string>(WebForms.NewClient("", "Typo"))
        {
            ["Email"] = "not an email", ["TimeZoneId"] = "Atlantis/Capital", ["GraduationYear"] = "nineteen",
            ["LastName"] = "<script>alert('x')</script>",
        };

        var response = await session.SubmitAsync("/Clients/Create", "main form", fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var page = await BrowserlessSession.ParseAsync(html);
        var messages = page.QuerySelectorAll(".validation-summary-errors li").Select(li => li.TextContent).ToList();
        Assert.Contains("The value 'nineteen' is not valid for Graduation year.", messages);
        Assert.DoesNotContain("<script>alert", html);
        Assert.Equal("<script>alert('x')</script>", page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#LastName")!.Value);

        var second = await session.SubmitAsync("/Clients/Create", "main form", new Dictionary<string, string>(fields) { ["GraduationYear"] = "2020" });
        var secondPage = await BrowserlessSession.ParseAsync(second);
        var fieldMessages = secondPage.QuerySelectorAll("span.field-validation-error").Select(s => s.TextContent).ToList();
        Assert.Contains("Enter the client's first name.", fieldMessages);
        Assert.Contains("Enter a valid email address, like name@example.com.", fieldMessages);
        Assert.Contains("Choose a time zone from the list, like America/Toronto.", fieldMessages);
        Assert.Equal(before, await CountClientsAsync());
    }

    [Fact]
    public async Task A_name_on_two_lines_is_refused_with_a_message_and_writes_nothing()
    {
        var session = await BrowserlessSession.SignInAsync(app, await app.ConsultantAsync("pages.lines@consultancy.test"));
        var before = await CountClientsAsync();
        var fields = new Dictionary<string, string>(WebForms.NewClient("Ananya", "Reddy"))
        {
            ["FirstName"] = "Ananya\r\nReddy", ["MedicalSchool"] = "Maulana Azad\tMedical College",
        };

        var response = await session.SubmitAsync("/Clients/Create", "main form", fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await BrowserlessSession.ParseAsync(response);
        Assert.Equal("“First name” must be on one line, without control characters.", page.QuerySelector("[data-valmsg-for=FirstName]")!.TextContent.Trim());
        Assert.Equal("“Medical school” must be on one line, without control characters.", page.QuerySelector("[data-valmsg-for=MedicalSchool]")!.TextContent.Trim());
        Assert.Equal(before, await CountClientsAsync());
    }

    [Fact]
    public async Task A_stale_edit_shows_both_versions_instead_of_overwriting()
    {
        var consultant = await app.ConsultantAsync("pages3@consultancy.test");
        var session = await BrowserlessSession.SignInAsync(app, consultant);
        var admin = await BrowserlessSession.SignInAsync(app, app.Admin);
        var created = await session.SubmitAsync("/Clients/Create", "main form", WebForms.NewClient("Stale", "Edit"));
        var id = created.Headers.Location!.OriginalString.Split('/').Last();
        var editUrl = $"/Clients/Edit/{id}";
        var staleForm = await session.GetPageAsync(editUrl);

        await admin.SubmitAsync(editUrl, "main form", new() { ["Phone"] = "+91 98 7654 3210" });
        var response = await session.SubmitAsync(staleForm, editUrl, "main form", new() { ["Season"] = "ERAS 2029" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var page = await BrowserlessSession.ParseAsync(response);
        var conflict = page.QuerySelector("#conflict-title")!.ParentElement!;
        Assert.Contains("Someone else changed this client", conflict.TextContent);
        var rows = conflict.QuerySelectorAll("tbody tr").ToDictionary(r => r.QuerySelector("th")!.TextContent, r => r.QuerySelectorAll("td").Select(td => td.TextContent).ToArray());
        Assert.Equal(["ERAS 2029", "ERAS 2028 (differs)"], rows["Season"]);
        Assert.Equal(["—", "+91 98 7654 3210 (differs)"], rows["Phone"]);

        var stored = await StoredSeasonAndPhoneAsync(int.Parse(id));
        Assert.Equal(("ERAS 2028", "+91 98 7654 3210"), stored);
    }

    [Fact]
    public async Task The_client_list_page_runs_at_most_three_SQL_queries()
    {
        var session = await BrowserlessSession.SignInAsync(app, app.Admin);
        foreach (var url in new[] { "/Clients", "/Clients?page=3&pageSize=10", "/Clients?search=reddy", "/Clients?stage=Applied&system=CaRMS&tag=priority",
            "/Clients?fewerInvitesThan=3&sort=FewestInvites" })
        {
            await session.GetPageAsync(url);
            app.SqlCommands.Clear();
            var response = await session.Http.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            // The list itself: total, page, filter choices. Today's calls are on the dashboard, not here.
            Assert.True(app.SqlCommands.Count <= 3, $"{url} ran {app.SqlCommands.Count} queries:\n{string.Join("\n\n", app.SqlCommands.Commands)}");
            Assert.DoesNotContain(app.SqlCommands.Commands, c => c.Contains("\"StrategyCalls\"", StringComparison.Ordinal));
            Assert.True(app.SqlCommands.Count >= 2, $"{url} ran {app.SqlCommands.Count} queries; the counter is not seeing them");
        }
    }

    [Fact]
    public async Task The_list_shows_each_clients_applications_invites_and_interviews_and_filters_by_fewer_invites()
    {
        var consultant = await app.ConsultantAsync("pages.invites@consultancy.test");
        var session = await BrowserlessSession.SignInAsync(app, consultant);
        var invited = await app.Services.SendAsAsync(consultant, ClientBuilder.NewClient("Many", "Invites"));
        var waiting = await app.Services.SendAsAsync(consultant, ClientBuilder.NewClient("Few", "Invites"));
        var now = DateTime.UtcNow;
        await app.Services.ApplicationsAsync(consultant, invited, "ERAS 2028", now,
            ApplicationStatus.Applied, ApplicationStatus.InterviewInvited, ApplicationStatus.InterviewScheduled, ApplicationStatus.Interviewed);
        await app.Services.ApplicationsAsync(consultant, waiting, "ERAS 2028", now, ApplicationStatus.Applied, ApplicationStatus.Rejected);

        var list = await session.GetPageAsync("/Clients?sort=FewestInvites");
        var headers = list.QuerySelectorAll("table thead th").Select(th => th.TextContent.Trim()).ToList();
        var rows = list.QuerySelectorAll("table tbody tr").Select(r => r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList()).ToList();
        string[] Counts(List<string> row) => [row[headers.IndexOf("Applied")], row[headers.IndexOf("Invites")], row[headers.IndexOf("Interviews")]];
        Assert.StartsWith("Invites, Few", rows[0][0]);
        Assert.Equal(["2", "0", "0"], Counts(rows[0]));
        Assert.StartsWith("Invites, Many", rows[1][0]);
        Assert.Equal(["4", "3", "2"], Counts(rows[1]));

        var filtered = await session.GetPageAsync("/Clients?fewerInvitesThan=1");
        Assert.Equal(["Invites, Few"], filtered.QuerySelectorAll("table tbody tr td:first-child a").Select(a => a.TextContent.Trim()));
        Assert.Equal("1", filtered.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#fewerInvitesThan")!.Value);
        Assert.Contains("fewerInvitesThan=1", filtered.QuerySelector("a[download]")!.GetAttribute("href"));
        var export = await session.Http.GetStringAsync("/Clients/Export?fewerInvitesThan=1");
        Assert.Contains("Few", export);
        Assert.DoesNotContain("Many", export);
        // Not a number: the filter is left out, not a failure.
        Assert.Equal(HttpStatusCode.OK, (await session.Http.GetAsync("/Clients?fewerInvitesThan=lots")).StatusCode);
    }

    [Fact]
    public async Task The_list_total_includes_a_client_added_a_moment_ago()
    {
        var session = await BrowserlessSession.SignInAsync(app, await app.ConsultantAsync("pages4@consultancy.test"));
        await session.SubmitAsync("/Clients/Create", "main form", WebForms.NewClient("First", "Arrival"));
        Assert.Equal("1–1 of 1", await PagerSummaryAsync(session, "/Clients"));
        Assert.Equal("1–1 of 1", await PagerSummaryAsync(session, "/Clients"));

        await session.SubmitAsync("/Clients/Create", "main form", WebForms.NewClient("Second", "Arrival"));

        Assert.Equal("1–2 of 2", await PagerSummaryAsync(session, "/Clients"));
    }

    private static async Task<string> PagerSummaryAsync(BrowserlessSession session, string url) =>
        (await session.GetPageAsync(url)).QuerySelector("nav[aria-label=Pages] p")!.TextContent.Trim();

    private async Task<int> CountClientsAsync()
    {
        await using var scope = app.Services.CreateSystemScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Clients.CountAsync();
    }

    private async Task<(string?, string?)> StoredSeasonAndPhoneAsync(int id)
    {
        await using var scope = app.Services.CreateSystemScope();
        var client = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Clients.SingleAsync(c => c.Id == id);
        return (client.Season, client.Phone);
    }
}
