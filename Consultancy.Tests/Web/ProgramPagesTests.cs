using System.Net;
using System.Text;
using AngleSharp.Dom;
using Consultancy.Application.Programs;
using Consultancy.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Tests.Web;

public sealed class ProgramPagesTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static Dictionary<string, string> NewProgram(string name, string identifier) => new()
    {
        ["Name"] = name, ["Specialty"] = "Internal Medicine", ["Country"] = "United States", ["StateOrProvince"] = "IL",
        ["City"] = "Springfield", ["Identifier"] = identifier, ["System"] = "0", ["TimeZoneId"] = "America/Chicago", ["ImgSharePercent"] = "60",
    };

    [Fact]
    public async Task A_consultant_adds_a_program_finds_it_in_the_directory_and_another_consultant_edits_and_verifies_it()
    {
        var maya = await BrowserlessSession.SignInAsync(app, await app.ConsultantAsync("programs.maya@consultancy.test"));
        var daniel = await BrowserlessSession.SignInAsync(app, await app.ConsultantAsync("programs.daniel@consultancy.test"));

        var created = await maya.SubmitAsync("/Programs/Create", "main form", NewProgram("Pages Valley Medical Center — Internal Medicine", "1409991001"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var details = await maya.GetPageAsync(created.Headers.Location!.OriginalString);
        Assert.Equal("Pages Valley Medical Center — Internal Medicine · Consultancy", details.Title);
        Assert.Equal("Never verified", details.QuerySelector(".program-verified")!.TextContent.Trim());

        var list = await daniel.GetPageAsync("/Programs?search=pages+valley&minImgShare=50&state=IL");
        Assert.Equal(["Pages Valley Medical Center — Internal Medicine"], list.QuerySelectorAll("table tbody tr td:first-child a").Select(a => a.TextContent.Trim()));
        Assert.NotNull(list.QuerySelector("nav a[href='/Programs']"));

        var id = created.Headers.Location!.OriginalString.Split('/').Last();
        var saved = await daniel.SubmitAsync($"/Programs/Edit/{id}", "main form", new() { ["VerifiedToday"] = "true", ["MaximumAttempts"] = "1" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        details = await daniel.GetPageAsync($"/Programs/Details/{id}");
        Assert.StartsWith("Verified by programs.daniel on ", details.QuerySelector(".program-verified")!.TextContent.Trim());
        Assert.Contains("1 (first-attempt passes only)", details.QuerySelector("main")!.TextContent);
        list = await maya.GetPageAsync("/Programs?search=pages+valley");
        Assert.StartsWith("Verified by programs.daniel on ", list.QuerySelector("table tbody tr td:last-child")!.TextContent.Trim());
    }

    [Fact]
    public async Task Bad_input_and_a_taken_identifier_show_the_form_again_with_messages_and_write_nothing()
    {
        var session = await BrowserlessSession.SignInAsync(app, await app.ConsultantAsync("programs.bad@consultancy.test"));
        await session.SubmitAsync("/Programs/Create", "main form", NewProgram("Taken Identifier Hospital — Pediatrics", "1409991002"));
        var before = await app.QueryAsync(db => db.ResidencyPrograms.CountAsync());

        var bad = await session.SubmitAsync("/Programs/Create", "main form", new Dictionary<string, string>(NewProgram("", "1409991003"))
        {
            ["ImgSharePercent"] = "150", ["MaximumAttempts"] = "ten", ["Website"] = "javascript:alert(1)", ["TimeZoneId"] = "Atlantis/Capital",
        });
        var taken = await session.SubmitAsync("/Programs/Create", "main form", NewProgram("Another <b>one</b>", "1409991002"));

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var summary = (await BrowserlessSession.ParseAsync(bad)).QuerySelectorAll(".validation-summary-errors li").Select(li => li.TextContent).ToList();
        Assert.Contains("The value 'ten' is not valid for Maximum exam attempts.", summary);
        Assert.Equal(HttpStatusCode.BadRequest, taken.StatusCode);
        var takenPage = await BrowserlessSession.ParseAsync(taken);
        Assert.StartsWith("Another ERAS/NRMP program already has the identifier 1409991002 (Taken Identifier Hospital — Pediatrics)",
            takenPage.QuerySelector("span[data-valmsg-for=Identifier]")!.TextContent);
        Assert.DoesNotContain("<b>one</b>", await taken.Content.ReadAsStringAsync());

        var fixedNumber = await session.SubmitAsync("/Programs/Create", "main form", new Dictionary<string, string>(NewProgram("", "1409991003"))
        {
            ["ImgSharePercent"] = "150", ["Website"] = "javascript:alert(1)",
        });
        var messages = (await BrowserlessSession.ParseAsync(fixedNumber)).QuerySelectorAll("span.field-validation-error").Select(s => s.TextContent).ToList();
        Assert.Contains("The IMG share is a percentage between 0 and 100.", messages);
        Assert.Contains("Enter the website as a full address starting with https:// or http://.", messages);
        Assert.Equal(before, await app.QueryAsync(db => db.ResidencyPrograms.CountAsync()));
    }

    [Fact]
    public async Task Filters_that_cannot_be_read_still_show_the_directory_and_an_unknown_program_is_not_found()
    {
        var session = await BrowserlessSession.SignInAsync(app, await app.ConsultantAsync("programs.filters@consultancy.test"));

        var odd = await session.Http.GetAsync("/Programs?system=Mars&visa=999&minImgShare=abc&page=-3&pageSize=7&search=" + new string('x', 5000));
        var missing = await session.Http.GetAsync("/Programs/Details/999999");
        var missingEdit = await session.Http.GetAsync("/Programs/Edit/999999");

        Assert.Equal(HttpStatusCode.OK, odd.StatusCode);
        Assert.Contains("No programs match these filters.", await odd.Content.ReadAsStringAsync());
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (missing.StatusCode, missingEdit.StatusCode));
    }

    [Fact]
    public async Task Posts_without_the_antiforgery_token_are_refused_and_write_nothing()
    {
        var session = await BrowserlessSession.SignInAsync(app, await app.ConsultantAsync("programs.csrf@consultancy.test"));
        var created = await session.SubmitAsync("/Programs/Create", "main form", NewProgram("Token Check Hospital — Neurology", "1409991004"));
        var id = created.Headers.Location!.OriginalString.Split('/').Last();
        var before = await app.QueryAsync(db => db.ResidencyPrograms.CountAsync());

        var create = await session.Http.PostAsync("/Programs/Create", new FormUrlEncodedContent(NewProgram("No token", "1409991005")));
        var edit = await session.Http.PostAsync($"/Programs/Edit/{id}", new FormUrlEncodedContent(NewProgram("No token", "1409991004")));
        var import = await session.Http.PostAsync("/Programs/Import/Commit", new FormUrlEncodedContent(new Dictionary<string, string> { ["importId"] = "x" }));

        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest], new[] { create.StatusCode, edit.StatusCode, import.StatusCode });
        Assert.Equal(before, await app.QueryAsync(db => db.ResidencyPrograms.CountAsync()));
        Assert.Equal("Token Check Hospital — Neurology", await app.QueryAsync(db => db.ResidencyPrograms.Where(p => p.Id == int.Parse(id)).Select(p => p.Name).SingleAsync()));
    }

    [Fact]
    public async Task The_export_is_a_csv_download_of_the_filtered_directory_that_imports_back_unchanged()
    {
        var session = await BrowserlessSession.SignInAsync(app, await app.ConsultantAsync("programs.export@consultancy.test"));
        await session.SubmitAsync("/Programs/Create", "main form", NewProgram("Export Harbor Hospital — Internal Medicine", "1409991006"));
        await session.SubmitAsync("/Programs/Create", "main form", NewProgram("Export Harbor Hospital — Family Medicine", "1409991007"));

        var response = await session.Http.GetAsync("/Programs/Export?search=export+harbor");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.StartsWith("programs-", response.Content.Headers.ContentDisposition.FileName!.Trim('"'));
        var records = CsvExportTests.Csv(await response.Content.ReadAsStringAsync());
        Assert.Equal(ProgramCsv.Headers, records[0]);
        Assert.Equal(["Export Harbor Hospital — Family Medicine", "Export Harbor Hospital — Internal Medicine"], records.Skip(1).Select(r => r[0]));

        var bytes = await response.Content.ReadAsByteArrayAsync();
        var preview = await UploadAsync(session, bytes);
        Assert.Equal(["2 row(s)", "0 to add", "0 to update", "2 unchanged", "0 invalid"],
            preview.QuerySelectorAll("ul[aria-label=Summary] li").Select(li => li.TextContent.Trim()));
        Assert.Equal(["No changes", "No changes"], preview.QuerySelectorAll("table.import-rows tbody td .badge").Select(b => b.TextContent));
        var committed = await session.SubmitAsync(preview, "/Programs/Import", "form[action='/Programs/Import/Commit']", []);
        Assert.Equal(HttpStatusCode.Redirect, committed.StatusCode);
        var list = await session.GetPageAsync(committed.Headers.Location!.OriginalString);
        Assert.Contains("Import done: 0 program(s) added, 0 updated, 2 unchanged.", list.QuerySelector("[role=status]")!.TextContent);
    }

    [Fact]
    public async Task An_upload_with_bad_rows_lists_them_and_skipping_them_imports_the_others_and_offers_them_to_download()
    {
        var session = await BrowserlessSession.SignInAsync(app, await app.ConsultantAsync("programs.upload@consultancy.test"));
        await session.SubmitAsync("/Programs/Create", "main form", NewProgram("Skip Harbor Hospital — Pathology", "1409991008"));
        var file = "Name,Specialty,Country,System,Identifier,IMG share (%)\n"
            + "Skip Harbor Hospital — Pathology,Pathology,United States,ERAS,1409991008,40\n"
            + ",Pathology,United States,NRMP,1409991009,140\n";

        var preview = await UploadAsync(session, Encoding.UTF8.GetBytes(file));

        var errors = preview.QuerySelector("table.import-errors tbody")!.TextContent;
        Assert.Contains("The IMG share is a percentage between 0 and 100.", errors);
        Assert.Equal(["Update", "2 error(s)"], preview.QuerySelectorAll("table.import-rows tbody td .badge").Select(b => b.TextContent));
        Assert.Contains(preview.QuerySelectorAll("table.import-rows .import-changes li").Select(li => li.TextContent), c => c.StartsWith("IMG share (%): ", StringComparison.Ordinal) && c.EndsWith(" → 40", StringComparison.Ordinal));
        Assert.Equal(["Import the 1 valid rows and skip the 1 invalid ones", "All or nothing"],
            preview.QuerySelectorAll("form[action='/Programs/Import/Commit'] button[name=choice]").Select(b => b.TextContent.Trim()));

        var committed = await session.SubmitAsync(preview, "/Programs/Import", "form[action='/Programs/Import/Commit']", new() { ["choice"] = "SkipInvalid" });

        var done = await session.GetPageAsync(committed.Headers.Location!.OriginalString);
        Assert.Equal("Import done: 0 program(s) added, 1 updated; 1 row(s) skipped.", done.QuerySelector("[role=status]")!.TextContent.Trim());
        Assert.Equal(40, await app.QueryAsync(db => db.ResidencyPrograms.Where(p => p.Identifier == "1409991008").Select(p => p.ImgSharePercent).SingleAsync()));
        var download = await session.Http.GetAsync(done.QuerySelectorAll("a").Single(a => a.TextContent == "Download the skipped rows (CSV)").GetAttribute("href"));
        Assert.Equal("rejected-programs.csv", download.Content.Headers.ContentDisposition!.FileName!.Trim('"'));
        var records = CsvExportTests.Csv(await download.Content.ReadAsStringAsync());
        Assert.Equal(["Name", "Specialty", "Country", "System", "Identifier", "IMG share (%)", "Why"], records[0]);
        Assert.Equal(["", "Pathology", "United States", "NRMP", "1409991009", "140"], records[1][..6]);
        Assert.Contains("The IMG share is a percentage between 0 and 100.", records[1][6]);
        Assert.Equal(0, await app.QueryAsync(db => db.ResidencyPrograms.CountAsync(p => p.Identifier == "1409991009")));

        var notCsv = await PostFileAsync(session, [0, 1, 2, 3]);
        Assert.Equal(HttpStatusCode.BadRequest, notCsv.StatusCode);
    }

    [Fact]
    public async Task A_confirmation_with_another_preview_or_an_unknown_upload_is_refused_and_writes_nothing()
    {
        var session = await BrowserlessSession.SignInAsync(app, await app.ConsultantAsync("programs.tampered@consultancy.test"));
        var file = Encoding.UTF8.GetBytes("Name,Specialty,Country\nTampered Harbor Hospital — Surgery,Surgery,United States\n");

        var forged = await session.SubmitAsync(await UploadAsync(session, file), "/Programs/Import", "form[action='/Programs/Import/Commit']",
            new() { ["plan"] = new string('f', 64) });
        var forgedPage = await session.GetPageAsync(forged.Headers.Location!.OriginalString);
        var unknown = await session.SubmitAsync(await UploadAsync(session, file), "/Programs/Import", "form[action='/Programs/Import/Commit']",
            new() { ["importId"] = new string('a', 32) });
        var unknownPage = await session.GetPageAsync(unknown.Headers.Location!.OriginalString);

        Assert.StartsWith("Nothing was imported: the file no longer does what its preview showed", forgedPage.QuerySelector("[role=alert]")!.TextContent.Trim());
        Assert.Equal("This upload has expired or was already imported. Upload the file again.", unknownPage.QuerySelector("[role=alert]")!.TextContent.Trim());
        Assert.Equal(0, await app.QueryAsync(db => db.ResidencyPrograms.CountAsync(p => p.Name == "Tampered Harbor Hospital — Surgery")));
    }

    private static async Task<IDocument> UploadAsync(BrowserlessSession session, byte[] csv)
    {
        var response = await PostFileAsync(session, csv);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await BrowserlessSession.ParseAsync(response);
    }

    private static async Task<HttpResponseMessage> PostFileAsync(BrowserlessSession session, byte[] content)
    {
        var page = await session.GetPageAsync("/Programs/Import");
        var token = page.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(content), "File", "programs.csv" },
        };
        return await session.Http.PostAsync("/Programs/Import", form);
    }
}
