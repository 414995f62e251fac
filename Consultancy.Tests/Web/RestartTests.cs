using System.Net;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Infrastructure.Identity;
using Consultancy.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Consultancy.Tests.Web;

/// <summary>
/// The data-protection keys outlive the app, so what one run of the app signed still works after a restart: on SQLite
/// they live in a folder next to the database, on PostgreSQL in the database itself.
/// </summary>
public sealed class RestartTests
{
    [Fact]
    public async Task A_sign_in_cookie_and_an_unsubscribe_link_issued_before_a_restart_still_work_after_it()
    {
        await using var shared = new SharedDatabase();
        string authCookie, unsubscribe;
        await using (var before = OnSharedData(shared, "keys"))
        {
            var consultant = await before.ConsultantAsync("restart@consultancy.test");
            var session = new BrowserlessSession(before.NewBrowserlessClient());
            var signIn = await session.SubmitAsync("/Identity/Account/Login", "form#account", new() { ["Input.Email"] = consultant.Email, ["Input.Password"] = consultant.Password });
            authCookie = signIn.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith("Consultancy.Auth=", StringComparison.Ordinal));
            var created = await session.SubmitAsync("/Clients/Create", "main form", WebForms.NewClient("Restart", "Proof"));
            var clientId = int.Parse(created.Headers.Location!.OriginalString.Split('/').Last());
            await using var scope = before.Services.CreateSystemScope();
            unsubscribe = new Uri(scope.ServiceProvider.GetRequiredService<IReminderLinks>().Unsubscribe(clientId)).PathAndQuery;
        }

        await using (var after = OnSharedData(shared, "keys"))
        {
            var clients = await WithCookie(after, authCookie).GetAsync("/Clients");
            Assert.Equal(HttpStatusCode.OK, clients.StatusCode);
            Assert.Contains("Proof, Restart", await clients.Content.ReadAsStringAsync());

            var link = await after.NewBrowserlessClient().GetAsync(unsubscribe);
            Assert.Equal(HttpStatusCode.OK, link.StatusCode);
            Assert.Contains("Hello Restart", await link.Content.ReadAsStringAsync());
        }

        // The control: the same database without those keys cannot read either. That is another keys folder, and on
        // PostgreSQL, where the keys are rows of the database instead, those rows deleted.
        if (shared.PostgreSql is { } database)
            Assert.True(await database.QueryAsync<long>("WITH deleted AS (DELETE FROM \"DataProtectionKeys\" RETURNING 1) SELECT count(*) FROM deleted") > 0,
                "no data-protection key was kept in the database");
        await using var otherKeys = OnSharedData(shared, "other-keys");
        var signedOut = await WithCookie(otherKeys, authCookie).GetAsync("/Clients");
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.StartsWith("/Identity/Account/Login", signedOut.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.NotFound, (await otherKeys.NewBrowserlessClient().GetAsync(unsubscribe)).StatusCode);
    }

    private static AppFactory OnSharedData(SharedDatabase shared, string keyFolder) =>
        shared.Configure(new AppFactory()).With("DataProtection:KeysDirectory", shared.File(keyFolder));

    private static HttpClient WithCookie(AppFactory app, string cookie)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }
}
