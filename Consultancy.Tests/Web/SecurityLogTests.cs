using System.Net;
using AngleSharp.Dom;
using Consultancy.Application.Domain;
using Consultancy.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Consultancy.Tests.Web;

public sealed class SecurityLogTests(SecurityLogTests.RemoteAddressApp app) : IClassFixture<SecurityLogTests.RemoteAddressApp>
{
    private const string RemoteAddress = "203.0.113.7";

    [Fact]
    public async Task Sign_ins_failures_lockouts_and_account_changes_are_logged_with_who_whom_when_and_IP_for_admins()
    {
        var target = await app.ConsultantAsync("log.target@consultancy.test");
        var other = await app.ConsultantAsync("log.other@consultancy.test");
        var guesser = new BrowserlessSession(app.NewBrowserlessClient());
        for (var attempt = 0; attempt < 5; attempt++)
            await guesser.SubmitAsync("/Identity/Account/Login", "form#account", new() { ["Input.Email"] = target.Email, ["Input.Password"] = $"wrong-{attempt}" });

        var admin = await BrowserlessSession.SignInAsync(app, app.Admin);
        await admin.SubmitAsync("/Users/Invite", "main form", new() { ["Email"] = "log.invited@consultancy.test", ["DisplayName"] = "Invited Person", ["TimeZoneId"] = "Europe/London" });
        await admin.PostAsync($"/Users/ChangeRole/{target.Id}", "/Users", new() { ["role"] = "Admin" });
        await admin.PostAsync($"/Users/Deactivate/{other.Id}", "/Users", new());
        await admin.PostAsync($"/Users/Reactivate/{other.Id}", "/Users", new());

        var rows = Rows(await admin.GetPageAsync("/SecurityLog?pageSize=100"));

        Assert.Equal(4, rows.Count(r => r.Kind == "Failed sign-in" && r.Who == target.Email));
        Assert.Contains(rows, r => r.Kind == "Locked out" && r.Who == target.Email);
        Assert.Contains(rows, r => r.Kind == "Signed in" && r.Who == TestUsers.AdminEmail);
        Assert.Contains(rows, r => r is { Kind: "User invited", Subject: "log.invited@consultancy.test" } && r.Who == TestUsers.AdminEmail && r.Detail == "as Consultant");
        Assert.Contains(rows, r => r is { Kind: "Role changed", Detail: "Consultant → Admin" } && r.Subject == target.Email);
        Assert.Contains(rows, r => r.Kind == "User deactivated" && r.Subject == other.Email);
        Assert.Contains(rows, r => r.Kind == "User reactivated" && r.Subject == other.Email);
        Assert.All(rows, r => Assert.Equal(RemoteAddress, r.Ip));
        // 14:00 UTC on the app's clock, shown in the admin's zone (America/Toronto).
        Assert.All(rows, r => Assert.Equal("25 Nov 2026, 09:00", r.When));
    }

    [Fact]
    public async Task The_log_filters_by_event_and_search_and_pages()
    {
        var target = await app.ConsultantAsync("log.filter@consultancy.test");
        var guesser = new BrowserlessSession(app.NewBrowserlessClient());
        // Unknown addresses never lock out, so a dozen failures stay failures.
        for (var attempt = 0; attempt < 12; attempt++)
            await guesser.SubmitAsync("/Identity/Account/Login", "form#account", new() { ["Input.Email"] = $"{attempt}.{target.Email}", ["Input.Password"] = "wrong" });
        var admin = await BrowserlessSession.SignInAsync(app, app.Admin);

        var failures = Rows(await admin.GetPageAsync("/SecurityLog?kind=SignInFailed&search=log.filter&pageSize=100"));
        Assert.Equal(12, failures.Count);
        Assert.All(failures, r => Assert.Equal("Failed sign-in", r.Kind));
        Assert.Equal("11." + target.Email, failures[0].Who);

        var firstPage = await admin.GetPageAsync("/SecurityLog?search=log.filter&pageSize=10");
        Assert.Equal(10, Rows(firstPage).Count);
        Assert.Contains("Page 1 of 2", firstPage.QuerySelector("nav[aria-label=Pages]")!.TextContent);
        Assert.Equal(2, Rows(await admin.GetPageAsync("/SecurityLog?search=log.filter&pageSize=10&page=2")).Count);

        var none = await admin.GetPageAsync("/SecurityLog?search=nobody-by-this-name");
        Assert.Contains("No events match these filters.", none.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task Consultants_cannot_see_the_log_and_a_refused_change_logs_nothing()
    {
        var consultant = await BrowserlessSession.SignInAsync(app, await app.ConsultantAsync("log.nosy@consultancy.test"));
        var refused = await consultant.Http.GetAsync("/SecurityLog");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/Error/403", refused.Headers.Location!.PathAndQuery);

        var admin = await BrowserlessSession.SignInAsync(app, app.Admin);
        var adminId = await app.Services.QueryAsync(db => db.UserProfiles.Where(u => u.Email == TestUsers.AdminEmail).Select(u => u.Id).SingleAsync());
        await admin.PostAsync($"/Users/Deactivate/{adminId}", "/Users", new());

        Assert.Equal(0, await app.Services.QueryAsync(db => db.SecurityEvents.CountAsync(e => e.Kind == SecurityEventKind.UserDeactivated && e.Subject == TestUsers.AdminEmail)));
    }

    private sealed record Row(string When, string Kind, string Who, string Subject, string Detail, string Ip);

    private static List<Row> Rows(IDocument page) => page.QuerySelectorAll("#security-log tbody tr")
        .Select(tr => tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray())
        .Select(c => new Row(c[0], c[1], c[2], c[3], c[4], c[5])).ToList();

    /// <summary>The app as it would see a visitor from a public address (the test server has no real connection).</summary>
    public sealed class RemoteAddressApp : AppFactory
    {
        public RemoteAddressApp() => Clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 14, 0, 0, TimeSpan.Zero));

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter>(new RemoteAddressFilter()));
        }

        private sealed class RemoteAddressFilter : IStartupFilter
        {
            public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
            {
                app.Use((context, nextMiddleware) =>
                {
                    context.Connection.RemoteIpAddress = IPAddress.Parse(RemoteAddress);
                    return nextMiddleware(context);
                });
                next(app);
            };
        }
    }
}
