using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using Consultancy.Infrastructure.Identity;
using Consultancy.Tests.Support;
using Consultancy.Tests.Web;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Consultancy.Tests.Browser;

/// <summary>
/// Every main page in a real browser under the app's Content-Security-Policy: nothing the pages need is blocked
/// (no inline script, handler or style left behind).
/// </summary>
public sealed class ContentSecurityPolicyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [SkippableFact]
    public async Task The_main_pages_load_with_no_Content_Security_Policy_violation()
    {
        Skip.IfNot(BrowserFixture.ChromiumInstalled, BrowserFixture.SkipReason);
        var page = await browser.SignedInPageAsync(browser.App.Admin);
        var violations = await RecordViolationsAsync(page);

        await page.GotoAsync("/Clients/Create");
        await page.GetByLabel("First name").FillAsync("Leila");
        await page.GetByLabel("Last name").FillAsync("Haddad");
        await page.GetByLabel("Email").FillAsync("leila.haddad@applicant.test");
        await page.GetByLabel("Time zone").SelectOptionAsync("Asia/Beirut");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add client" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Leila Haddad");
        var clientId = int.Parse(page.Url.Split('/').Last().Split('#')[0]);
        var (letterId, refereeEmail, messageId) = await LetterWithRequestAsync(clientId);
        var (unsubscribe, referee) = await PublicLinksAsync(clientId, letterId, refereeEmail);

        string[] pages =
        [
            "/Clients", $"/Clients/Details/{clientId}", $"/Clients/Edit/{clientId}", $"/Deadlines/Create?clientId={clientId}", "/Deadlines",
            "/Letters", $"/Letters/Create?clientId={clientId}", $"/Letters/Edit/{letterId}", "/LetterTemplate/Edit", "/Outbox", $"/Outbox/Details/{messageId}",
            "/Seasons", "/Playbooks", "/Users", "/Users/Invite", "/Profile/Edit", "/Identity/Account/Manage", "/Identity/Account/Manage/ChangePassword",
            "/Identity/Account/Manage/TwoFactorAuthentication", "/Identity/Account/Manage/EnableAuthenticator", "/no/such/page",
        ];
        foreach (var url in pages)
        {
            var response = await page.GotoAsync(url);
            Assert.True(response!.Status < 500, $"{url} answered {response.Status}");
        }
        // A confirmation dialog (data-confirm) is wired by the site script, not an inline handler.
        await page.GotoAsync($"/Clients/Details/{clientId}");
        page.Dialog += (_, dialog) => dialog.DismissAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Archive" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Leila Haddad");

        await using var visitor = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = browser.BaseUrl });
        var anonymous = await visitor.NewPageAsync();
        var anonymousViolations = await RecordViolationsAsync(anonymous);
        foreach (var url in new[] { "/Identity/Account/Login", "/Identity/Account/ForgotPassword", unsubscribe, referee, "/u/not-a-token", "/Error/404" })
            await anonymous.GotoAsync(url);

        Assert.Empty(violations);
        Assert.Empty(anonymousViolations);
    }

    /// <summary>Collects what the browser blocks: securitypolicyviolation events and the console's CSP errors.</summary>
    public static async Task<List<string>> RecordViolationsAsync(IPage page)
    {
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) violations.Add($"{page.Url}: {message.Text}");
        };
        await page.ExposeFunctionAsync("reportCspViolation", (string text) => violations.Add(text));
        await page.AddInitScriptAsync("""
            document.addEventListener('securitypolicyviolation', e =>
                window.reportCspViolation(location.pathname + ': ' + e.violatedDirective + ' blocked ' + e.blockedURI + ' (' + (e.sample || '') + ')'));
            """);
        return violations;
    }

    private async Task<(int LetterId, string RefereeEmail, long MessageId)> LetterWithRequestAsync(int clientId)
    {
        await using var scope = browser.App.Services.CreateSystemScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        var letter = LetterBuilder.NewLetter(clientId, new DateOnly(2027, 3, 1));
        var letterId = await mediator.Send(letter);
        await mediator.Send(new Consultancy.Application.Letters.SendLetterRequest(letterId));
        var messageId = await browser.App.Services.QueryAsync(db => db.OutboxMessages.Where(m => m.ClientId == clientId).Select(m => m.Id).FirstAsync());
        return (letterId, letter.RefereeEmail, messageId);
    }

    private async Task<(string Unsubscribe, string Referee)> PublicLinksAsync(int clientId, int letterId, string refereeEmail)
    {
        await using var scope = browser.App.Services.CreateSystemScope();
        return (new Uri(scope.ServiceProvider.GetRequiredService<IReminderLinks>().Unsubscribe(clientId)).PathAndQuery,
            new Uri(scope.ServiceProvider.GetRequiredService<ILetterLinks>().RefereePage(letterId, refereeEmail)).PathAndQuery);
    }
}

/// <summary>The deployed configuration (Secure-only cookies) over plain http on loopback, as a zero-setup run would be.</summary>
public sealed class ProductionCookieTests(ProductionBrowserFixture browser) : IClassFixture<ProductionBrowserFixture>
{
    [SkippableFact]
    public async Task Secure_cookies_still_sign_in_and_post_forms_over_http_on_loopback()
    {
        Skip.IfNot(BrowserFixture.ChromiumInstalled, BrowserFixture.SkipReason);
        var page = await browser.SignedInPageAsync(browser.App.Admin);
        var violations = await ContentSecurityPolicyTests.RecordViolationsAsync(page);

        await page.GotoAsync("/Clients/Create");
        await page.GetByLabel("First name").FillAsync("Ines");
        await page.GetByLabel("Last name").FillAsync("Moreau");
        await page.GetByLabel("Email").FillAsync("ines.moreau@applicant.test");
        await page.GetByLabel("Time zone").SelectOptionAsync("Europe/Paris");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add client" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Ines Moreau");
        var cookies = await page.Context.CookiesAsync();
        Assert.Contains(cookies, c => c.Name == "Consultancy.Auth" && c.Secure && c.HttpOnly);
        Assert.Empty(violations);
    }
}
