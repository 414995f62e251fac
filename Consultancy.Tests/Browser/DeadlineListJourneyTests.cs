using Consultancy.Application.Deadlines;
using Consultancy.Application.Domain;
using Consultancy.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Consultancy.Tests.Browser;

public sealed class DeadlineListJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [SkippableFact]
    public async Task A_consultant_ticks_two_deadlines_marks_them_done_together_and_reopens_them_with_select_all()
    {
        Skip.IfNot(BrowserFixture.ChromiumInstalled, BrowserFixture.SkipReason);
        var consultant = await browser.App.ConsultantAsync("deadline-list-journey@consultancy.test");
        var clientId = await browser.App.Services.SendAsAsync(consultant, ClientBuilder.NewClient("Ana", "Lima"));
        // The browser's clock is 10 Jan 2027: all three are upcoming.
        foreach (var (title, due) in new[] { ("Upload MSPE", 1), ("Upload transcript", 2), ("Book OET", 3) })
            await browser.App.Services.SendAsAsync(consultant, new AddDeadline { ClientId = clientId, Title = title, DueDate = new DateOnly(2027, 3, due) });
        var page = await browser.SignedInPageAsync(consultant);

        await page.GotoAsync("/Deadlines?window=Upcoming");
        await page.GetByLabel("Tick “Upload MSPE” for Ana Lima").CheckAsync();
        await page.GetByLabel("Tick “Upload transcript” for Ana Lima").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark ticked done" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("2 deadlines marked done.");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("window=Upcoming"));
        await Assertions.Expect(page.Locator("table tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("table tbody")).ToContainTextAsync("Book OET");
        Assert.Equal(2, await browser.App.QueryAsync(db => db.Deadlines.CountAsync(d => d.ClientId == clientId && d.Status == DeadlineStatus.Done)));

        await page.GetByRole(AriaRole.Link, new() { Name = "Done or cancelled" }).ClickAsync();
        await page.GetByLabel("Select all on this page").CheckAsync();
        await Assertions.Expect(page.Locator("input[name=deadlineIds]:checked")).ToHaveCountAsync(2);
        await page.GetByRole(AriaRole.Button, new() { Name = "Reopen ticked" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("2 deadlines reopened.");
        Assert.Equal(3, await browser.App.QueryAsync(db => db.Deadlines.CountAsync(d => d.ClientId == clientId && d.Status == DeadlineStatus.Open)));
    }
}
