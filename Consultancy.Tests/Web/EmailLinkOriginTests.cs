using System.Net;
using System.Text.RegularExpressions;
using Consultancy.Application.Domain;
using Consultancy.Application.Letters;
using Consultancy.Tests.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Consultancy.Tests.Web;

/// <summary>
/// Every link the app hands out (in emails, and the calendar feed address) starts with <c>App:BaseUrl</c>, whatever
/// host the request that caused it named: a forged Host or X-Forwarded-Host cannot carry a genuine code to another
/// server. Forwarded client addresses are believed only from the proxies the configuration names.
/// </summary>
public sealed class EmailLinkOriginTests(EmailLinkOriginTests.App app) : IClassFixture<EmailLinkOriginTests.App>
{
    public const string BaseUrl = "https://crm.consultancy.test";

    public sealed class App : AppFactory
    {
        public App() => With("App:BaseUrl", BaseUrl);
    }

    /// <summary>A visitor whose requests name another host, directly and through the proxy headers.</summary>
    private BrowserlessSession ForgedHostVisitor()
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("http://evil.example"), AllowAutoRedirect = false, HandleCookies = true,
        });
        client.DefaultRequestHeaders.Add("X-Forwarded-Host", "evil.example");
        return new BrowserlessSession(client);
    }

    private async Task<List<MimeMessage>> MailToAsync(string address)
    {
        await app.DispatchAsync();
        var messages = new List<MimeMessage>();
        foreach (var file in Directory.Exists(app.MailDirectory) ? Directory.GetFiles(app.MailDirectory, "*.eml") : [])
        {
            var message = await MimeMessage.LoadAsync(file);
            if (message.To.Mailboxes.Any(m => string.Equals(m.Address, address, StringComparison.OrdinalIgnoreCase))) messages.Add(message);
        }
        return messages;
    }

    private static List<string> LinksIn(MimeMessage message) =>
        Regex.Matches($"{message.TextBody}\n{message.HtmlBody}\n{message.Headers}", @"https?://[^\s""'<>]+").Select(m => m.Value).ToList();

    [Fact]
    public async Task A_password_reset_asked_for_with_a_forged_host_is_mailed_with_a_link_to_the_configured_address()
    {
        var consultant = await app.ConsultantAsync("links.reset@consultancy.test");

        var asked = await ForgedHostVisitor().SubmitAsync("/Identity/Account/ForgotPassword", "main form", new() { ["Input.Email"] = consultant.Email });

        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        var message = Assert.Single(await MailToAsync(consultant.Email));
        var links = LinksIn(message);
        Assert.Contains(links, l => l.StartsWith($"{BaseUrl}/Identity/Account/ResetPassword?code=", StringComparison.Ordinal));
        Assert.All(links, l => Assert.StartsWith(BaseUrl + "/", l));
        Assert.DoesNotContain("evil.example", message.ToString());
    }

    [Fact]
    public async Task Invitations_letter_requests_and_the_calendar_feed_asked_for_with_a_forged_host_link_to_the_configured_address()
    {
        var admin = ForgedHostVisitor();
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync("/Identity/Account/Login", "form#account",
            new() { ["Input.Email"] = TestUsers.AdminEmail, ["Input.Password"] = TestUsers.AdminPassword })).StatusCode);
        await admin.SubmitAsync("/Users/Invite", "main form", new()
        {
            ["Email"] = "links.invitee@consultancy.test", ["DisplayName"] = "Ivo Invitee", ["TimeZoneId"] = "Europe/Lisbon", ["Role"] = "Consultant",
        });
        var consultant = await app.ConsultantAsync("links.consultant@consultancy.test");
        var clientId = await app.Services.SendAsAsync(consultant, ClientBuilder.NewClient("Linh", "Tran"));
        var letter = LetterBuilder.NewLetter(clientId, DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30)));
        var letterId = await app.Services.SendAsAsync(consultant, letter);
        var sent = await admin.SubmitAsync($"/Clients/Details/{clientId}", $"form[action='/Letters/SendRequest/{letterId}']", []);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        await admin.SubmitAsync("/Profile/Edit", "form[action='/Profile/ResetCalendarFeed']", []);

        var invitation = Assert.Single(await MailToAsync("links.invitee@consultancy.test"));
        var request = Assert.Single(await MailToAsync(letter.RefereeEmail), m => LinksIn(m).Any(l => l.Contains("/letters/r/", StringComparison.Ordinal)));
        var feed = (await admin.GetPageAsync("/Profile/Edit")).QuerySelector("#calendar-feed-url")?.GetAttribute("value");

        Assert.Contains(LinksIn(invitation), l => l.StartsWith($"{BaseUrl}/Identity/Account/ResetPassword?code=", StringComparison.Ordinal));
        Assert.All(LinksIn(invitation).Concat(LinksIn(request)), l => Assert.StartsWith(BaseUrl + "/", l));
        Assert.Matches($@"^{Regex.Escape(BaseUrl)}/calendar/[A-Za-z0-9_-]+\.ics$", feed);
    }

    [Fact]
    public async Task Identity_pages_the_app_does_not_use_answer_not_found_instead_of_mailing_links()
    {
        var session = await BrowserlessSession.SignInAsync(app, await app.ConsultantAsync("links.unused@consultancy.test"));
        foreach (var page in new[]
                 {
                     "/Identity/Account/ResendEmailConfirmation", "/Identity/Account/RegisterConfirmation?email=a@b.test",
                     "/Identity/Account/ConfirmEmail?userId=x&code=y", "/Identity/Account/ConfirmEmailChange?userId=x&email=a@b.test&code=y",
                     "/Identity/Account/ExternalLogin", "/Identity/Account/Manage/Email", "/Identity/Account/Manage/ExternalLogins",
                 })
            Assert.True(HttpStatusCode.NotFound == (await session.Http.GetAsync(page)).StatusCode, $"{page} should answer 404");
    }

    [Fact]
    public async Task With_allowed_hosts_set_a_request_naming_another_host_is_refused()
    {
        await using var pinned = new AppFactory().With("App:BaseUrl", BaseUrl).With("AllowedHosts", "crm.consultancy.test");

        var forged = await pinned.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://evil.example") })
            .GetAsync("/Identity/Account/ForgotPassword");
        var genuine = await pinned.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri(BaseUrl) })
            .GetAsync("/Identity/Account/ForgotPassword");

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, genuine.StatusCode);
    }

    [Theory]
    [InlineData(null, "127.0.0.1")]
    [InlineData("127.0.0.1", "203.0.113.7")]
    public async Task A_forwarded_client_address_is_believed_only_from_a_configured_proxy(string? knownProxy, string loggedAddress)
    {
        await using var server = new AppFactory().With("App:BaseUrl", BaseUrl);
        if (knownProxy is not null) server.With("ReverseProxy:KnownProxies:0", knownProxy);
        server.UseKestrel(0);
        server.StartServer();
        var address = server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
            { BaseAddress = new Uri(address) };
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.7");
        var email = $"nobody.{Guid.NewGuid():N}@consultancy.test";

        await new BrowserlessSession(client).SubmitAsync("/Identity/Account/Login", "form#account",
            new() { ["Input.Email"] = email, ["Input.Password"] = "Wrong-Password-1!" });

        var logged = await server.QueryAsync(db => db.SecurityEvents.SingleAsync(e => e.Kind == SecurityEventKind.SignInFailed && e.Actor == email));
        Assert.Equal(loggedAddress, logged.IpAddress);
    }
}
