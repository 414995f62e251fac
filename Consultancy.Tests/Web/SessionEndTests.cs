using System.Net;
using Consultancy.Application.Domain;
using Consultancy.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Tests.Web;

/// <summary>
/// Ending a session ends it on the server: a copy of the sign-in cookie taken before (a shared computer, a stolen
/// cookie) is refused on its very next request, not when it expires.
/// </summary>
public sealed class SessionEndTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly Uri Site = new("http://localhost");

    /// <summary>A browser whose cookies the test can read and copy.</summary>
    private sealed record Browser(BrowserlessSession Session, CookieContainer Cookies);

    private Browser NewBrowser(CookieContainer? cookies = null)
    {
        cookies ??= new CookieContainer();
        return new Browser(new BrowserlessSession(app.CreateDefaultClient(new CookieContainerHandler(cookies))), cookies);
    }

    private async Task<Browser> SignInAsync(TestUser user)
    {
        var browser = NewBrowser();
        var response = await browser.Session.SubmitAsync("/Identity/Account/Login", "form#account",
            new() { ["Input.Email"] = user.Email, ["Input.Password"] = user.Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return browser;
    }

    /// <summary>Another browser holding a copy of <paramref name="browser"/>'s cookies as they are now.</summary>
    private Browser CopyOf(Browser browser)
    {
        var copied = new CookieContainer();
        foreach (Cookie cookie in browser.Cookies.GetCookies(Site)) copied.Add(Site, new Cookie(cookie.Name, cookie.Value, cookie.Path));
        return NewBrowser(copied);
    }

    private static async Task<bool> IsSignedInAsync(Browser browser) =>
        (await browser.Session.Http.GetAsync("/Clients")).StatusCode == HttpStatusCode.OK;

    [Fact]
    public async Task A_cookie_copied_before_signing_out_is_refused_after_it()
    {
        var consultant = await app.ConsultantAsync("session.signout@consultancy.test");
        var browser = await SignInAsync(consultant);
        var copy = CopyOf(browser);
        Assert.True(await IsSignedInAsync(copy));

        var signedOut = await browser.Session.PostAsync("/Identity/Account/Logout?returnUrl=%2F", "/Clients", []);

        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.False(await IsSignedInAsync(browser));
        Assert.False(await IsSignedInAsync(copy));
        var again = await SignInAsync(consultant);
        Assert.True(await IsSignedInAsync(again));
    }

    [Fact]
    public async Task Signing_out_one_browser_leaves_the_users_other_sessions_open()
    {
        var consultant = await app.ConsultantAsync("session.other@consultancy.test");
        var laptop = await SignInAsync(consultant);
        var phone = await SignInAsync(consultant);

        await laptop.Session.PostAsync("/Identity/Account/Logout", "/Clients", []);

        Assert.False(await IsSignedInAsync(laptop));
        Assert.True(await IsSignedInAsync(phone));
    }

    [Fact]
    public async Task Sign_out_everywhere_on_the_profile_page_ends_every_session_of_the_user_and_is_logged()
    {
        var consultant = await app.ConsultantAsync("session.everywhere@consultancy.test");
        var bystander = await SignInAsync(await app.ConsultantAsync("session.bystander@consultancy.test"));
        var laptop = await SignInAsync(consultant);
        var phone = await SignInAsync(consultant);
        var copy = CopyOf(laptop);

        var response = await laptop.Session.SubmitAsync("/Profile/Edit", "form[action='/Profile/SignOutEverywhere']", []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Identity/Account/Login", response.Headers.Location!.OriginalString);
        Assert.False(await IsSignedInAsync(laptop));
        Assert.False(await IsSignedInAsync(phone));
        Assert.False(await IsSignedInAsync(copy));
        Assert.True(await IsSignedInAsync(bystander));
        Assert.True(await app.QueryAsync(db => db.SecurityEvents.AnyAsync(e => e.Kind == SecurityEventKind.SignedOutEverywhere && e.Subject == consultant.Email)));
        Assert.True(await IsSignedInAsync(await SignInAsync(consultant)));
    }

    [Fact]
    public async Task Changing_the_password_ends_the_other_sessions_at_once_and_keeps_this_one()
    {
        var consultant = await app.ConsultantAsync("session.password@consultancy.test");
        var laptop = await SignInAsync(consultant);
        var copy = CopyOf(laptop);

        var changed = await laptop.Session.SubmitAsync("/Identity/Account/Manage/ChangePassword", "main form", new()
        {
            ["Input.OldPassword"] = consultant.Password, ["Input.NewPassword"] = "Changed-Passw0rd!", ["Input.ConfirmPassword"] = "Changed-Passw0rd!",
        });

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.True(await IsSignedInAsync(laptop));
        Assert.False(await IsSignedInAsync(copy));
    }

    [Fact]
    public async Task A_role_change_ends_the_users_sessions_at_once()
    {
        var consultant = await app.ConsultantAsync("session.role@consultancy.test");
        var browser = await SignInAsync(consultant);
        Assert.True(await IsSignedInAsync(browser));
        var admin = await BrowserlessSession.SignInAsync(app, app.Admin);

        var changed = await admin.PostAsync($"/Users/ChangeRole/{consultant.Id}", "/Users", new() { ["role"] = nameof(UserRole.Admin) });

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(UserRole.Admin, await app.QueryAsync(db => db.UserProfiles.Where(u => u.Id == consultant.Id).Select(u => u.Role).SingleAsync()));
        Assert.False(await IsSignedInAsync(browser));
    }

    [Fact]
    public async Task Signing_out_with_a_return_address_off_this_site_leads_to_the_sign_in_page()
    {
        var browser = await SignInAsync(await app.ConsultantAsync("session.offsite@consultancy.test"));

        var response = await browser.Session.PostAsync("/Identity/Account/Logout?returnUrl=https%3A%2F%2Fevil.example%2Fphish", "/Clients", []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Identity/Account/Login", response.Headers.Location!.OriginalString);
        Assert.False(await IsSignedInAsync(browser));
    }
}
