using System.Text.RegularExpressions;
using Consultancy.Tests.Support;
using Microsoft.Playwright;

namespace Consultancy.Tests.Browser;

public sealed class BookingJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [SkippableFact]
    public async Task A_visitor_in_Tokyo_books_the_consultant_sees_it_in_New_York_time_cancels_it_and_the_time_is_free_again()
    {
        Skip.IfNot(BrowserFixture.ChromiumInstalled, BrowserFixture.SkipReason);
        // The fixture's clock: Sunday 10 January 2027, 12:00 UTC. Monday 09:00 in New York is 23:00 in Tokyo.
        var maya = await browser.App.ConsultantAsync("maya.journey@consultancy.test", "America/New_York");
        await browser.App.Services.OpenBookingAsync(maya, "maya-journey");

        var visitorContext = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = browser.BaseUrl, TimezoneId = "Asia/Tokyo", ViewportSize = new() { Width = 1280, Height = 900 },
        });
        var visitor = await visitorContext.NewPageAsync();
        await visitor.GotoAsync("/book");
        await visitor.GetByRole(AriaRole.Link, new() { Name = "Advisor maya-journey" }).ClickAsync();
        // The page's script picks up the browser's zone and shows the times in it.
        await Assertions.Expect(visitor).ToHaveURLAsync(new Regex("tz=Asia%2FTokyo"));
        await Assertions.Expect(visitor.GetByLabel("Times are shown in")).ToHaveValueAsync("Asia/Tokyo");
        var monday = visitor.Locator("section", new() { HasText = "Monday 11 January" });
        await monday.GetByRole(AriaRole.Link, new() { Name = "Monday 11 January at 23:00" }).ClickAsync();

        await Assertions.Expect(visitor.Locator("p.lead")).ToContainTextAsync("Monday 11 January 2027, 23:00 (Asia/Tokyo)");
        await visitor.GetByLabel("First name").FillAsync("Haruto");
        await visitor.GetByLabel("Last name").FillAsync("Sato");
        await visitor.GetByLabel("Email").FillAsync("haruto.sato@applicant.test");
        await visitor.GetByLabel("Country of medical school").FillAsync("Japan");
        await visitor.GetByLabel("Graduation year").FillAsync("2023");
        await visitor.GetByLabel("What would you like help with?").FillAsync("Planning USMLE Step 2 CK and the 2028 Match.");
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Book the call" }).ClickAsync();
        await Assertions.Expect(visitor.GetByRole(AriaRole.Status)).ToContainTextAsync("You're booked, Haruto!");

        var consultant = await browser.SignedInPageAsync(maya);
        await consultant.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Calls" }).ClickAsync();
        var row = consultant.Locator("#calls tbody tr", new() { HasText = "Haruto Sato" });
        await Assertions.Expect(row).ToContainTextAsync("11 Jan 2027, 09:00");
        await row.GetByRole(AriaRole.Link, new() { Name = "11 Jan 2027, 09:00" }).ClickAsync();
        await Assertions.Expect(consultant.Locator("#call-when")).ToContainTextAsync("11 Jan 2027, 09:00 (America/New_York)");
        consultant.Dialog += (_, dialog) => dialog.AcceptAsync();
        await consultant.GetByRole(AriaRole.Button, new() { Name = "Cancel the call" }).ClickAsync();
        await Assertions.Expect(consultant.GetByRole(AriaRole.Status)).ToContainTextAsync("Call cancelled");

        await visitor.GotoAsync("/book/maya-journey?tz=Asia%2FTokyo");
        await Assertions.Expect(visitor.GetByRole(AriaRole.Link, new() { Name = "Monday 11 January at 23:00" })).ToBeVisibleAsync();
        await visitorContext.CloseAsync();
    }
}
