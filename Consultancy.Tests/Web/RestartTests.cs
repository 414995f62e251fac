using System.Net;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Infrastructure.Identity;
using Consultancy.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Consultancy.Tests.Web;

/// <summary>The data-protection keys live in a folder next to the database, so what one run of the app signed still works after a restart.</summary>
// Two app lifetimes share one SQLite file and keys folder; on PostgreSQL the keys are in the database (PostgreSqlTests).
[Trait(Store.Trait, Store.SqliteOnly)]
public sealed class RestartTests
{
    [Fact]
    public async Task A_sign_in_cookie_and_an_unsubscribe_link_issued_before_a_restart_still_work_after_it()
    {
        using var shared = new TempDirectory();
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

        // The control: the same database with a different key folder cannot read either.
        await using var otherKeys = OnSharedData(shared, "other-keys");
        var signedOut = await WithCookie(otherKeys, authCookie).GetAsync("/Clients");
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.StartsWith("/Identity/Account/Login", signedOut.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.NotFound, (await otherKeys.NewBrowserlessClient().GetAsync(unsubscribe)).StatusCode);
    }

    private static AppFactory OnSharedData(TempDirectory shared, string keyFolder) => new AppFactory()
        .With("ConnectionStrings:Default", $"Data Source={shared.File("app.db")};Pooling=False")
        .With("DataProtection:KeysDirectory", shared.File(keyFolder));

    private static HttpClient WithCookie(AppFactory app, string cookie)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }
}
