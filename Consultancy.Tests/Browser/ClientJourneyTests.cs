using Consultancy.Tests.Support;
using Microsoft.Playwright;

namespace Consultancy.Tests.Browser;

public sealed class ClientJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [SkippableFact]
    public async Task A_consultant_adds_a_client_finds_it_edits_it_and_sees_the_change_on_its_timeline()
    {
        Skip.IfNot(BrowserFixture.ChromiumInstalled, BrowserFixture.SkipReason);
        var consultant = await browser.App.ConsultantAsync("journey@consultancy.test", "America/Toronto");
        var page = await browser.SignedInPageAsync(consultant);

        // Signing in opens the dashboard; the client list is one click away.
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Clients" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Add client" }).ClickAsync();
        await page.GetByLabel("First name").FillAsync("Mariam");
        await page.GetByLabel("Last name").FillAsync("Farouk");
        await page.GetByLabel("Email").FillAsync("mariam.farouk@applicant.test");
        await page.GetByLabel("Time zone").SelectOptionAsync("Africa/Cairo");
        await page.GetByLabel("Medical school", new() { Exact = true }).FillAsync("Cairo University Faculty of Medicine");
        await page.GetByLabel("Season").FillAsync("ERAS 2028");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add client" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Mariam Farouk");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Clients" }).ClickAsync();
        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Search" }).FillAsync("cairo university");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Farouk, Mariam" }).ClickAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Edit profile" }).ClickAsync();
        await page.GetByLabel("Step 2 CK score").FillAsync("248");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Changes saved.");
        var timeline = page.Locator("section[aria-labelledby=timeline-heading]");
        await Assertions.Expect(timeline.Locator("ol.timeline > li").First).ToContainTextAsync("Profile changed");
        await Assertions.Expect(timeline.Locator("ol.timeline > li").First).ToContainTextAsync("Step 2 CK score: — → 248");
        await Assertions.Expect(timeline.Locator("ol.timeline > li").First).ToContainTextAsync("journey");
        await Assertions.Expect(page.Locator("footer")).ToContainTextAsync("Times shown in America/Toronto");
    }
}
