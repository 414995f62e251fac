using System.Net;
using System.Text.RegularExpressions;
using Consultancy.Application.Deadlines;
using Consultancy.Application.Domain;
using Consultancy.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Consultancy.Tests.Web;

/// <summary>
/// The app on PostgreSQL (<c>Database:Provider</c> = <c>PostgreSql</c>), each test on a fresh database of a real
/// server: migrations, the caseload, search, reminders, and two app instances sharing one database.
/// </summary>
public sealed partial class PostgreSqlTests
{
    [SkippableFact]
    public async Task A_fresh_database_is_migrated_and_clients_search_the_caseload_rule_and_reminders_work()
    {
        PostgreSqlDatabase.SkipUnlessAvailable();
        await using var database = PostgreSqlDatabase.New();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 14, 0, 0, TimeSpan.Zero));
        await using var app = database.Configure(new AppFactory { Clock = clock });
        var maya = await app.ConsultantAsync("maya.pg@consultancy.test");
        var daniel = await app.ConsultantAsync("daniel.pg@consultancy.test");
        var clientId = await app.Services.SendAsAsync(maya, ClientBuilder.NewClient("Priyanka", "Raghunathan"));
        await app.Services.SendAsAsync(maya, ClientBuilder.NewClient("Tomasz", "Kowalczyk"));
        await app.Services.SendAsAsync(maya, new AddDeadline
        {
            ClientId = clientId, Title = "Submit MyERAS application", DueDate = new DateOnly(2027, 1, 15), ReminderOffsets = "7",
        });

        var session = await BrowserlessSession.SignInAsync(app, maya);
        var found = await session.GetPageAsync("/Clients?search=GHUNAT");
        var everyone = await session.GetPageAsync("/Clients");

        Assert.Equal(["Raghunathan, Priyanka"], found.QuerySelectorAll("table tbody tr td:first-child a").Select(a => a.TextContent.Trim()));
        Assert.Equal(2, everyone.QuerySelectorAll("table tbody tr").Length);
        foreach (var page in new[] { "/", "/Board", $"/Clients/Details/{clientId}", "/Deadlines", "/Calls", "/Letters" })
            Assert.Equal(HttpStatusCode.OK, (await session.Http.GetAsync(page)).StatusCode);
        var other = await BrowserlessSession.SignInAsync(app, daniel);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync($"/Clients/Details/{clientId}")).StatusCode);
        Assert.Equal(2L, await database.QueryAsync<long>("SELECT count(*) FROM \"Clients\""));

        // On the day of the reminder planned for 8 Jan 2027, the dispatcher sends it once.
        clock.SetUtcNow(new DateTimeOffset(2027, 1, 9, 0, 0, 0, TimeSpan.Zero));
        await app.DispatchAsync();
        await app.DispatchAsync();
        Assert.Single(Directory.GetFiles(app.MailDirectory, "*.eml"));
        Assert.Equal(1L, await database.QueryAsync<long>(
            $"SELECT count(*) FROM \"OutboxMessages\" WHERE \"Status\" = {(int)OutboxStatus.Sent} AND \"Attempts\" = 1"));
    }

    [SkippableFact]
    public async Task Two_instances_dispatching_two_thousand_due_reminders_from_one_database_send_each_exactly_once()
    {
        PostgreSqlDatabase.SkipUnlessAvailable();
        const int due = 2_000;
        await using var database = PostgreSqlDatabase.New();
        await using var smtp = new SmtpSink();
        var settings = new Dictionary<string, string?>(ApplicationHarness.SmtpSettings(smtp));
        foreach (var (key, value) in database.Settings) settings[key] = value;
        await using var first = await ApplicationHarness.StartAsync(settings);
        await using var second = await ApplicationHarness.StartAsync(settings);
        await first.QueryAsync(async db =>
        {
            var now = first.Clock.GetUtcNow().UtcDateTime;
            for (var i = 0; i < due; i++)
                db.OutboxMessages.Add(OutboxMessage.Fixed(OutboxKind.Account, $"pg-test:{i}", $"applicant{i}@applicant.test",
                    $"Message {i}", "Body", null, now));
            return await db.SaveChangesAsync();
        });
        // Each instance's first email is held until the other instance is sending too, so they provably overlap.
        var receiving = 0;
        var bothSending = new TaskCompletionSource();
        smtp.OnReceiving = () =>
        {
            if (Interlocked.Increment(ref receiving) == 2) bothSending.TrySetResult();
            return bothSending.Task.WaitAsync(TimeSpan.FromSeconds(30));
        };

        var results = await Task.WhenAll(Task.Run(first.DispatchAsync), Task.Run(second.DispatchAsync));

        Assert.Equal(due, results.Sum(r => r.Sent));
        Assert.All(results, r => Assert.True(r.Sent > 0, "both instances should have taken a share"));
        var recipients = smtp.Messages.Select(m => m.To.ToString()).ToList();
        Assert.Equal(due, recipients.Count);
        Assert.Equal(due, recipients.Distinct().Count());
        Assert.Equal(due, await first.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.Sent && m.Attempts == 1)));
    }

    [SkippableFact]
    public async Task A_sign_in_cookie_made_by_one_instance_is_accepted_by_another_on_the_same_database()
    {
        PostgreSqlDatabase.SkipUnlessAvailable();
        await using var database = PostgreSqlDatabase.New();
        await using var first = database.Configure(new AppFactory());
        await using var second = database.Configure(new AppFactory());
        var maya = await first.ConsultantAsync("maya.cookie@consultancy.test");
        _ = second.Services;

        var cookie = await SignInCookieAsync(first, maya);
        var onSecond = second.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        var home = new HttpRequestMessage(HttpMethod.Get, "/");
        home.Headers.Add("Cookie", cookie);
        var anonymous = await onSecond.GetAsync("/");

        var response = await onSecond.SendAsync(home);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Dashboard", await response.Content.ReadAsStringAsync());
        // Without the cookie the same page asks to sign in, so the 200 above is the cookie's doing.
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
    }

    /// <summary>Signs in through the login form without a cookie jar and returns the cookies the app set.</summary>
    private static async Task<string> SignInCookieAsync(AppFactory app, TestUser user)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        var form = await client.GetAsync("/Identity/Account/Login");
        var antiforgery = CookiesOf(form);
        var token = AntiforgeryField().Match(await form.Content.ReadAsStringAsync()).Groups[1].Value;
        var post = new HttpRequestMessage(HttpMethod.Post, "/Identity/Account/Login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.Email"] = user.Email, ["Input.Password"] = user.Password, ["__RequestVerificationToken"] = token,
            }),
        };
        post.Headers.Add("Cookie", antiforgery);
        var signedIn = await client.SendAsync(post);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return CookiesOf(signedIn);
    }

    private static string CookiesOf(HttpResponseMessage response) =>
        string.Join("; ", response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
