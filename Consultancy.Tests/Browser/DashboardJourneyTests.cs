using Consultancy.Application.Deadlines;
using Consultancy.Application.Domain;
using Consultancy.Tests.Support;
using Microsoft.Playwright;

namespace Consultancy.Tests.Browser;

public sealed class DashboardJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [SkippableFact]
    public async Task Signing_in_lands_on_the_dashboard_and_a_figure_opens_the_list_behind_it()
    {
        Skip.IfNot(BrowserFixture.ChromiumInstalled, BrowserFixture.SkipReason);
        var consultant = await browser.App.ConsultantAsync("dashboard-journey@consultancy.test", "Asia/Kolkata");
        var clientId = await browser.App.Services.SendAsAsync(consultant, ClientBuilder.NewClient("Mariam", "Farouk") with { Stage = ClientStage.Documents });
        // The browser's clock is 10 Jan 2027: this deadline is five days overdue.
        await browser.App.Services.SendAsAsync(consultant, new AddDeadline { ClientId = clientId, Title = "Upload transcript", DueDate = new DateOnly(2027, 1, 5) });

        var page = await browser.SignedInPageAsync(consultant);

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Your day");
        await Assertions.Expect(page.Locator("#overdue-deadlines")).ToContainTextAsync("Upload transcript");
        await Assertions.Expect(page.Locator("#stage-chart svg rect").First).ToBeAttachedAsync();

        await page.Locator("#figure-overdue").ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Deadlines");
        await Assertions.Expect(page.Locator("a.nav-link.active", new() { HasText = "Overdue" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("table tbody")).ToContainTextAsync("Upload transcript");

        await page.GoBackAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Documents" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Farouk, Mariam" })).ToBeVisibleAsync();
    }
}
