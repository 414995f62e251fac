using System.Text.RegularExpressions;
using Consultancy.Tests.Support;
using Microsoft.Playwright;
using MimeKit;

namespace Consultancy.Tests.Browser;

public sealed class LetterJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [SkippableFact]
    public async Task A_consultant_adds_a_referee_sends_the_request_and_sees_the_referees_confirmation_from_their_link()
    {
        Skip.IfNot(BrowserFixture.ChromiumInstalled, BrowserFixture.SkipReason);
        var page = await browser.SignedInPageAsync(browser.App.Admin);

        // Signing in opens the dashboard; the client list is one click away.
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Clients" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Add client" }).ClickAsync();
        await page.GetByLabel("First name").FillAsync("Tomasz");
        await page.GetByLabel("Last name").FillAsync("Nowak");
        await page.GetByLabel("Email").FillAsync("tomasz.nowak@applicant.test");
        await page.GetByLabel("Time zone").SelectOptionAsync("Europe/Warsaw");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add client" }).ClickAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Add letter" }).ClickAsync();
        await page.GetByLabel("Referee name").FillAsync("Dr. Rebecca Stone");
        await page.GetByLabel("Referee email").FillAsync("rebecca.stone@hospital.test");
        await page.GetByLabel("Title or role").FillAsync("Program Director, Internal Medicine");
        await page.GetByLabel("Institution").FillAsync("Mount Sinai Hospital");
        await page.GetByLabel("US or Canadian physician").CheckAsync();
        await page.GetByLabel("Specialty it supports").FillAsync("Internal Medicine");
        await page.GetByLabel("Due date").FillAsync("2027-02-01");
        await page.GetByLabel("ERAS Letter ID").FillAsync("LOR2027X");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add letter" }).ClickAsync();

        var letters = page.Locator("#letters");
        await Assertions.Expect(letters.Locator(".letter-status")).ToHaveTextAsync("Planned");
        await letters.GetByRole(AriaRole.Button, new() { Name = "Send request" }).ClickAsync();
        await Assertions.Expect(letters.Locator(".letter-status")).ToHaveTextAsync("Requested");
        var clientPage = page.Url;

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Outbox" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send due messages now" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Dispatch finished");
        var link = RefereeLinkFromMail("rebecca.stone@hospital.test");

        // The referee: a fresh browser with no session, arriving from the email.
        await using var refereeContext = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = browser.BaseUrl });
        var referee = await refereeContext.NewPageAsync();
        await referee.GotoAsync(link);
        await Assertions.Expect(referee.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Letter of recommendation for Tomasz Nowak");
        await Assertions.Expect(referee.Locator("main")).ToContainTextAsync("LOR2027X");
        await referee.GetByRole(AriaRole.Button, new() { Name = "Yes, I will write this letter" }).ClickAsync();
        await Assertions.Expect(referee.Locator("main")).ToContainTextAsync("Thank you for confirming");
        await Assertions.Expect(referee.Locator("#referee-status")).ToContainTextAsync("Confirmed");

        await page.GotoAsync(clientPage);
        await Assertions.Expect(page.Locator("#letters .letter-status")).ToHaveTextAsync("Confirmed");
        await Assertions.Expect(page.Locator("#letters")).ToContainTextAsync("by the referee");
        await Assertions.Expect(page.Locator(".timeline")).ToContainTextAsync("Reported by");
    }

    /// <summary>The path of the personal link in the request email, as it landed in the pickup folder.</summary>
    private string RefereeLinkFromMail(string referee)
    {
        var email = Directory.GetFiles(browser.App.MailDirectory, "*.eml").Select(f => MimeMessage.Load(f))
            .Single(m => m.To.Mailboxes.Any(a => a.Address == referee));
        var url = Regex.Match(email.TextBody ?? "", @"https?://\S+/letters/r/\S+").Value;
        return new Uri(url).PathAndQuery;
    }
}
