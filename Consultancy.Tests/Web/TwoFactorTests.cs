using System.Net;
using System.Security.Cryptography;
using Consultancy.Application.Domain;
using Consultancy.Infrastructure.Identity;
using Consultancy.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Consultancy.Tests.Web;

/// <summary>Authenticator-app two-factor sign-in from the account pages, with codes computed here as a phone app would.</summary>
public sealed class TwoFactorTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task A_user_enables_an_authenticator_and_then_needs_its_code_to_sign_in()
    {
        var user = await app.ConsultantAsync("totp@consultancy.test");
        var session = await BrowserlessSession.SignInAsync(app, user);

        var setup = await session.GetPageAsync("/Identity/Account/Manage/EnableAuthenticator");
        Assert.NotNull(setup.QuerySelector("nav[aria-label=Main]"));
        var sharedKey = setup.QuerySelector("kbd")!.TextContent.Replace(" ", "");
        var wrong = await session.SubmitAsync(setup, "/Identity/Account/Manage/EnableAuthenticator", "form#send-code", new() { ["Input.Code"] = "000000" == Totp.Code(sharedKey, DateTimeOffset.UtcNow) ? "111111" : "000000" });
        Assert.Contains("Verification code is invalid.", await wrong.Content.ReadAsStringAsync());

        var enabled = await session.SubmitAsync("/Identity/Account/Manage/EnableAuthenticator", "form#send-code", new() { ["Input.Code"] = Totp.Code(sharedKey, DateTimeOffset.UtcNow) });
        Assert.Equal(HttpStatusCode.Redirect, enabled.StatusCode);
        Assert.Contains("ShowRecoveryCodes", enabled.Headers.Location!.OriginalString);
        var codes = await session.GetPageAsync(enabled.Headers.Location!.OriginalString);
        Assert.True(codes.QuerySelectorAll("code").Length >= 10, "ten recovery codes are shown once");

        var fresh = new BrowserlessSession(app.NewBrowserlessClient());
        var password = await fresh.SubmitAsync("/Identity/Account/Login", "form#account", new() { ["Input.Email"] = user.Email, ["Input.Password"] = user.Password });
        Assert.Equal(HttpStatusCode.Redirect, password.StatusCode);
        Assert.Contains("LoginWith2fa", password.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await fresh.Http.GetAsync("/Clients")).StatusCode);

        var secondStep = password.Headers.Location!.OriginalString;
        var refused = await fresh.SubmitAsync(secondStep, "main form", new() { ["Input.TwoFactorCode"] = "12345" });
        Assert.NotEqual(HttpStatusCode.Redirect, refused.StatusCode);
        var accepted = await fresh.SubmitAsync(secondStep, "main form", new() { ["Input.TwoFactorCode"] = Totp.Code(sharedKey, DateTimeOffset.UtcNow) });
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fresh.Http.GetAsync("/Clients")).StatusCode);
    }

    [Fact]
    public async Task Second_step_sign_ins_password_changes_and_resets_and_two_factor_switches_are_in_the_security_log()
    {
        var user = await app.ConsultantAsync("totp.log@consultancy.test");
        var session = await BrowserlessSession.SignInAsync(app, user);
        var setup = await session.GetPageAsync("/Identity/Account/Manage/EnableAuthenticator");
        var sharedKey = setup.QuerySelector("kbd")!.TextContent.Replace(" ", "");
        var enabled = await session.SubmitAsync(setup, "/Identity/Account/Manage/EnableAuthenticator", "form#send-code", new() { ["Input.Code"] = Totp.Code(sharedKey, DateTimeOffset.UtcNow) });
        var recoveryCode = (await session.GetPageAsync(enabled.Headers.Location!.OriginalString)).QuerySelector("code")!.TextContent.Trim();

        var withCode = await PasswordStepAsync(user);
        var wrongCode = Totp.Code(sharedKey, DateTimeOffset.UtcNow) == "000000" ? "111111" : "000000";
        Assert.NotEqual(HttpStatusCode.Redirect, (await withCode.Session.SubmitAsync(withCode.SecondStep, "main form", new() { ["Input.TwoFactorCode"] = wrongCode })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await withCode.Session.SubmitAsync(withCode.SecondStep, "main form", new() { ["Input.TwoFactorCode"] = Totp.Code(sharedKey, DateTimeOffset.UtcNow) })).StatusCode);
        var withRecovery = await PasswordStepAsync(user);
        Assert.Equal(HttpStatusCode.Redirect, (await withRecovery.Session.SubmitAsync("/Identity/Account/LoginWithRecoveryCode", "main form", new() { ["Input.RecoveryCode"] = recoveryCode })).StatusCode);

        const string changedPassword = "Changed-Passw0rd!";
        var changed = await session.SubmitAsync("/Identity/Account/Manage/ChangePassword", "main form",
            new() { ["Input.OldPassword"] = user.Password, ["Input.NewPassword"] = changedPassword, ["Input.ConfirmPassword"] = changedPassword });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await session.SubmitAsync("/Identity/Account/Manage/Disable2fa", "main form", [])).StatusCode);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            // The reset page and the emailed invitation both go through the app's user manager.
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var account = (await users.FindByEmailAsync(user.Email))!;
            Assert.True((await users.ResetPasswordAsync(account, await users.GeneratePasswordResetTokenAsync(account), "Reset-Passw0rd!")).Succeeded);
        }

        var logged = await app.QueryAsync(db => db.SecurityEvents.Where(e => e.Actor == user.Email).OrderBy(e => e.Id)
            .Select(e => new { e.Kind, e.Detail }).ToListAsync());
        Assert.Equal(
            [
                (SecurityEventKind.SignedIn, null),
                (SecurityEventKind.TwoFactorTurnedOn, null),
                (SecurityEventKind.SignInFailed, "wrong authenticator code"),
                (SecurityEventKind.SignedIn, "with an authenticator code"),
                (SecurityEventKind.SignedIn, "with a recovery code"),
                (SecurityEventKind.PasswordChanged, null),
                (SecurityEventKind.TwoFactorTurnedOff, null),
                (SecurityEventKind.PasswordReset, (string?)null),
            ],
            logged.Select(e => (e.Kind, e.Detail)).ToList());
    }

    /// <summary>A fresh visitor passes the password step of an account with two-factor on, and stands at the code step.</summary>
    private async Task<(BrowserlessSession Session, string SecondStep)> PasswordStepAsync(TestUser user)
    {
        var visitor = new BrowserlessSession(app.NewBrowserlessClient());
        var password = await visitor.SubmitAsync("/Identity/Account/Login", "form#account", new() { ["Input.Email"] = user.Email, ["Input.Password"] = user.Password });
        Assert.Contains("LoginWith2fa", password.Headers.Location!.OriginalString);
        return (visitor, password.Headers.Location!.OriginalString);
    }
}

/// <summary>RFC 6238 time-based one-time passwords (HMAC-SHA1, 30-second steps, 6 digits), as authenticator apps compute them.</summary>
public static class Totp
{
    public static string Code(string base32Key, DateTimeOffset at)
    {
        var counter = at.ToUnixTimeSeconds() / 30;
        var message = BitConverter.GetBytes(counter);
        if (BitConverter.IsLittleEndian) Array.Reverse(message);
        var hash = HMACSHA1.HashData(FromBase32(base32Key), message);
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6");
    }

    private static byte[] FromBase32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = 0;
        var value = 0;
        var bytes = new List<byte>();
        foreach (var c in text.Trim().TrimEnd('=').ToUpperInvariant())
        {
            value = (value << 5) | alphabet.IndexOf(c);
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(value >> (bits - 8)));
                bits -= 8;
            }
        }
        return [.. bytes];
    }
}

/// <summary>The admin rule "two-factor sign-in for everyone", on its own app so it does not reach other tests.</summary>
public sealed class TwoFactorRequirementTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task When_an_admin_requires_two_factor_a_user_without_it_sets_it_up_before_anything_else()
    {
        var user = await app.ConsultantAsync("must.enrol@consultancy.test");
        var admin = await BrowserlessSession.SignInAsync(app, app.Admin);
        var turnedOn = await admin.SubmitAsync("/Users", "form#two-factor-rule", []);
        Assert.Equal(HttpStatusCode.Redirect, turnedOn.StatusCode);

        var session = await BrowserlessSession.SignInAsync(app, user);
        foreach (var url in new[] { "/Clients", "/Outbox", "/Identity/Account/Manage", "/Profile/Edit" })
        {
            var blocked = await session.Http.GetAsync(url);
            Assert.True(blocked.StatusCode == HttpStatusCode.Redirect, $"{url} answered {(int)blocked.StatusCode}");
            Assert.Equal("/Identity/Account/Manage/EnableAuthenticator", blocked.Headers.Location!.OriginalString);
        }
        var post = await session.Http.PostAsync("/Clients/Create", new FormUrlEncodedContent([]));
        Assert.Equal("/Identity/Account/Manage/EnableAuthenticator", post.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await session.Http.GetAsync("/css/site.css")).StatusCode);

        var setup = await session.GetPageAsync("/Identity/Account/Manage/EnableAuthenticator");
        Assert.Contains("requires two-factor sign-in", setup.QuerySelector("main")!.TextContent);
        var sharedKey = setup.QuerySelector("kbd")!.TextContent.Replace(" ", "");
        var enabled = await session.SubmitAsync(setup, "/Identity/Account/Manage/EnableAuthenticator", "form#send-code", new() { ["Input.Code"] = Totp.Code(sharedKey, DateTimeOffset.UtcNow) });
        Assert.Equal(HttpStatusCode.Redirect, enabled.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await session.Http.GetAsync(enabled.Headers.Location!.OriginalString)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await session.Http.GetAsync("/Clients")).StatusCode);

        // The admin has no authenticator either: set it up too, then make the rule optional again.
        Assert.Equal("/Identity/Account/Manage/EnableAuthenticator", (await admin.Http.GetAsync("/Users")).Headers.Location!.OriginalString);
        var adminSetup = await admin.GetPageAsync("/Identity/Account/Manage/EnableAuthenticator");
        var adminKey = adminSetup.QuerySelector("kbd")!.TextContent.Replace(" ", "");
        await admin.SubmitAsync(adminSetup, "/Identity/Account/Manage/EnableAuthenticator", "form#send-code", new() { ["Input.Code"] = Totp.Code(adminKey, DateTimeOffset.UtcNow) });
        var users = await admin.GetPageAsync("/Users");
        Assert.Contains("Required", users.QuerySelector("#two-factor-rule")!.TextContent);
        await admin.SubmitAsync(users, "/Users", "form#two-factor-rule", []);

        var later = await BrowserlessSession.SignInAsync(app, await app.ConsultantAsync("no.enrol@consultancy.test"));
        Assert.Equal(HttpStatusCode.OK, (await later.Http.GetAsync("/Clients")).StatusCode);
        var log = await admin.GetPageAsync("/SecurityLog?kind=TwoFactorRuleChanged");
        Assert.Equal(2, log.QuerySelectorAll("#security-log tbody tr").Length);
    }
}
