using System.Text;
using Consultancy.Application.Domain;
using Consultancy.Tests.Support;
using Microsoft.Playwright;

namespace Consultancy.Tests.Browser;

public sealed class BoardAndImportJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [SkippableFact]
    public async Task A_consultant_moves_a_client_on_the_board_with_the_keyboard_and_sees_the_new_stage_on_the_client_page()
    {
        Skip.IfNot(BrowserFixture.ChromiumInstalled, BrowserFixture.SkipReason);
        var consultant = await browser.App.ConsultantAsync("board.journey@consultancy.test");
        await browser.App.AddClientAsync(consultant.Id, ClientStage.Onboarding, "Farida", "Haidari");
        var page = await browser.SignedInPageAsync(consultant);

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Board", Exact = true }).ClickAsync();
        var onboarding = page.GetByRole(AriaRole.Region, new() { Name = "Onboarding" });
        await Assertions.Expect(onboarding.GetByRole(AriaRole.Link, new() { Name = "Farida Haidari" })).ToBeVisibleAsync();

        var move = page.GetByLabel("Move Farida Haidari to");
        await move.FocusAsync();
        await move.SelectOptionAsync("Documents");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Client moved to Documents.");
        var documents = page.GetByRole(AriaRole.Region, new() { Name = "Documents" });
        await documents.GetByRole(AriaRole.Link, new() { Name = "Farida Haidari" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Farida Haidari");
        await Assertions.Expect(page.Locator(".stage-badge").First).ToHaveTextAsync("Documents");
    }

    [SkippableFact]
    public async Task Dragging_a_card_to_another_column_moves_the_client_through_the_same_form()
    {
        Skip.IfNot(BrowserFixture.ChromiumInstalled, BrowserFixture.SkipReason);
        var consultant = await browser.App.ConsultantAsync("board.drag@consultancy.test");
        await browser.App.AddClientAsync(consultant.Id, ClientStage.Interviewing, "Samir", "Aziz");
        var page = await browser.SignedInPageAsync(consultant);
        await page.GotoAsync("/Board");

        var card = page.Locator(".board-card", new() { Has = page.GetByRole(AriaRole.Link, new() { Name = "Samir Aziz" }) });
        await card.DragToAsync(page.GetByRole(AriaRole.Region, new() { Name = "Rank list submitted" }));

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Client moved to Rank list submitted.");
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Rank list submitted" })
            .GetByRole(AriaRole.Link, new() { Name = "Samir Aziz" })).ToBeVisibleAsync();
    }

    [SkippableFact]
    public async Task A_consultant_imports_a_small_csv_after_checking_it_and_finds_an_imported_client()
    {
        Skip.IfNot(BrowserFixture.ChromiumInstalled, BrowserFixture.SkipReason);
        var consultant = await browser.App.ConsultantAsync("import.journey@consultancy.test");
        var page = await browser.SignedInPageAsync(consultant);

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Clients" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Import CSV" }).ClickAsync();
        await page.GetByLabel("CSV file").SetInputFilesAsync(new FilePayload
        {
            Name = "clients.csv",
            MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes("First name,Last name,Email,Time zone,Season,Stage\r\n"
                + "Nkechi,Obi,nkechi.obi@applicant.test,Africa/Lagos,ERAS 2028,Applied\r\n"
                + "Arjun,Rao,arjun.rao@applicant.test,Asia/Kolkata,ERAS 2028,Lead\r\n"),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the file" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Check the import of clients.csv");
        await page.GetByRole(AriaRole.Button, new() { Name = "Import 2 client(s)" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Import done: 2 client(s) added, 0 updated.");
        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Search" }).FillAsync("nkechi");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Obi, Nkechi" }).ClickAsync();
        await Assertions.Expect(page.Locator(".stage-badge").First).ToHaveTextAsync("Applied");
    }
}
