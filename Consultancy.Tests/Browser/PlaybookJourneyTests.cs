using Consultancy.Application.Domain;
using Consultancy.Tests.Support;
using Microsoft.Playwright;

namespace Consultancy.Tests.Browser;

public sealed class PlaybookJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [SkippableFact]
    public async Task A_consultant_applies_the_ERAS_season_playbook_to_a_client_and_applying_it_again_adds_nothing_twice()
    {
        Skip.IfNot(BrowserFixture.ChromiumInstalled, BrowserFixture.SkipReason);
        var consultant = await browser.App.ConsultantAsync("playbook.journey@consultancy.test");
        await browser.App.AddClientAsync(consultant.Id, ClientStage.Onboarding, "Ngozi", "Eze", season: null);
        var page = await browser.SignedInPageAsync(consultant);

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Clients" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Eze, Ngozi" }).ClickAsync();
        var deadlines = page.Locator("#deadlines");
        await Assertions.Expect(deadlines).ToContainTextAsync("No deadlines yet.");

        await deadlines.GetByLabel("Plan a season from its playbook").SelectOptionAsync(new SelectOptionValue { Label = "ERAS 2028" });
        await deadlines.GetByRole(AriaRole.Button, new() { Name = "Apply season plan" }).ClickAsync();

        // The ERAS/NRMP playbook has eleven items, each anchored to one of the season's key dates.
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Season plan applied: 11 deadline(s) added with their reminders.");
        var rows = deadlines.Locator("table tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(11);
        await Assertions.Expect(rows.Filter(new() { HasText = "Register in MyERAS with the ERAS token" })).ToHaveCountAsync(1);
        await Assertions.Expect(rows.Filter(new() { HasText = "Match Day" })).ToHaveCountAsync(1);
        // Each new deadline has its reminders planned.
        await Assertions.Expect(rows.Filter(new() { HasText = "Match Day" }).Locator(".reminder-list li").First).ToContainTextAsync("planned");

        await deadlines.GetByLabel("Plan a season from its playbook").SelectOptionAsync(new SelectOptionValue { Label = "ERAS 2028" });
        await deadlines.GetByRole(AriaRole.Button, new() { Name = "Apply season plan" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The season plan was already applied: nothing new to add.");
        await Assertions.Expect(rows).ToHaveCountAsync(11);
        await Assertions.Expect(rows.Filter(new() { HasText = "Match Day" })).ToHaveCountAsync(1);
    }
}
