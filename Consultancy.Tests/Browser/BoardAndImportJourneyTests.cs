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

    [SkippableFact]
    public async Task A_consultant_sees_what_an_update_changes_imports_the_valid_rows_and_downloads_the_skipped_one_with_its_reason()
    {
        Skip.IfNot(BrowserFixture.ChromiumInstalled, BrowserFixture.SkipReason);
        var consultant = await browser.App.ConsultantAsync("import.skip.journey@consultancy.test");
        await browser.App.AddClientAsync(consultant.Id, ClientStage.Applied, "Leila", "Haddad", season: "ERAS 2027",
            change: c => c.Email = "leila.haddad@applicant.test");
        var page = await browser.SignedInPageAsync(consultant);

        await page.GotoAsync("/Clients/Import");
        await page.GetByLabel("CSV file").SetInputFilesAsync(new FilePayload
        {
            Name = "mixed.csv",
            MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes("First name,Last name,Email,Season,Target system,Stage\r\n"
                + "Leila,Haddad,leila.haddad@applicant.test,ERAS 2028,ERAS,Applied\r\n"
                + "Omar,Farouk,omar.farouk@localhost,ERAS 2028,ERAS,Lead\r\n"
                + "Mei,Lin,mei.lin@applicant.test,CaRMS 2027,CARMS,call booked\r\n"),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the file" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.List, new() { Name = "Summary" })).ToContainTextAsync("1 to add");
        await Assertions.Expect(page.Locator("table.import-rows .import-changes")).ToHaveTextAsync("Season: ERAS 2027 → ERAS 2028");
        await Assertions.Expect(page.Locator("table.import-errors")).ToContainTextAsync("The part after @ needs a dot");
        await page.GetByRole(AriaRole.Button, new() { Name = "Import the 2 valid rows and skip the 1 invalid ones" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Import done: 1 client(s) added, 1 updated; 1 row(s) skipped.");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download the skipped rows (CSV)" }).ClickAsync());
        Assert.Equal("rejected-clients.csv", download.SuggestedFilename);
        var rejected = (await File.ReadAllTextAsync((await download.PathAsync())!)).TrimStart('\uFEFF')
            .Split('\n').Select(line => line.TrimEnd('\r')).Where(line => line.Length > 0).ToList();
        Assert.Equal("First name,Last name,Email,Season,Target system,Stage,Why", rejected[0]);
        Assert.StartsWith("Omar,Farouk,omar.farouk@localhost,ERAS 2028,ERAS,Lead,", rejected[1]);
        Assert.Equal(2, rejected.Count);

        await page.GetByRole(AriaRole.Link, new() { Name = "Go to clients" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Lin, Mei" }).ClickAsync();
        await Assertions.Expect(page.Locator(".stage-badge").First).ToHaveTextAsync("Call booked");
    }
}
