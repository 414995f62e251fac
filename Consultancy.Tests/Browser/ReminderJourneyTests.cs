using Consultancy.Tests.Support;
using Microsoft.Playwright;

namespace Consultancy.Tests.Browser;

public sealed class ReminderJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [SkippableFact]
    public async Task An_admin_adds_a_deadline_sees_its_planned_reminder_sends_it_and_finds_it_sent_in_the_outbox()
    {
        Skip.IfNot(BrowserFixture.ChromiumInstalled, BrowserFixture.SkipReason);
        var page = await browser.SignedInPageAsync(browser.App.Admin);

        // Signing in opens the dashboard; the client list is one click away.
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Clients" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Add client" }).ClickAsync();
        await page.GetByLabel("First name").FillAsync("Olena");
        await page.GetByLabel("Last name").FillAsync("Shevchenko");
        await page.GetByLabel("Email").FillAsync("olena.shevchenko@applicant.test");
        await page.GetByLabel("Time zone").SelectOptionAsync("Europe/Kyiv");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add client" }).ClickAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Add deadline" }).ClickAsync();
        await page.GetByLabel("Title").FillAsync("Submit OET results to ECFMG");
        await page.GetByLabel("Category").SelectOptionAsync(new SelectOptionValue { Label = "Exam" });
        await page.GetByLabel("Due date").FillAsync("2027-01-20");
        await page.GetByLabel("Reminders before").FillAsync("7");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add deadline" }).ClickAsync();

        var deadlines = page.Locator("#deadlines");
        await Assertions.Expect(deadlines).ToContainTextAsync("Submit OET results to ECFMG");
        // As the applicant receives it, 09:00 in Kyiv on 13 Jan (07:00 UTC), then the admin's Toronto time.
        await Assertions.Expect(deadlines.Locator(".reminder-list li")).ToHaveTextAsync(
            new System.Text.RegularExpressions.Regex(@"^\s*7 d before\s+planned 13 Jan 2027, 09:00 Europe/Kyiv 02:00 your time\s*$"));

        browser.Clock.SetUtcNow(new DateTimeOffset(2027, 1, 13, 7, 0, 0, TimeSpan.Zero));
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Outbox" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send due messages now" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Dispatch finished");
        // The dispatch ends on the sent mail.
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Outbox by status" }).Locator("[aria-current=page]")).ToHaveTextAsync("Sent");
        var row = page.Locator("tbody tr", new() { HasText = "Reminder: Submit OET results to ECFMG" });
        // The scheduled dispatcher may hold the message at that very moment; it is on the tab once its send is recorded.
        for (var tries = 0; tries < 20 && await row.CountAsync() == 0; tries++)
        {
            await Task.Delay(500);
            await page.ReloadAsync();
        }
        await Assertions.Expect(row).ToContainTextAsync("13 Jan 2027, 09:00 Europe/Kyiv");
        await Assertions.Expect(row).ToContainTextAsync("olena.shevchenko@applicant.test");

        await row.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
        Assert.Single(Directory.GetFiles(browser.App.MailDirectory, "*.eml"), f => File.ReadAllText(f).Contains("olena.shevchenko@applicant.test"));
    }
}
