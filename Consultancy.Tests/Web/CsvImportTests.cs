using System.Net;
using System.Text;
using AngleSharp.Dom;
using Consultancy.Application.Clients;
using Consultancy.Application.Common;
using Consultancy.Application.Domain;
using Consultancy.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Tests.Web;

public sealed class CsvImportTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Header = "First name,Last name,Email,Phone,Time zone,Graduation year,Target system,Season,Stage";

    [Fact]
    public async Task The_template_has_the_documented_columns()
    {
        var session = await BrowserlessSession.SignInAsync(app, await app.ConsultantAsync("import.template@consultancy.test"));

        var response = await session.Http.GetAsync("/Clients/Import/Template");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("client-import-template.csv", response.Content.Headers.ContentDisposition!.FileName);
        var records = CsvExportTests.Csv(await response.Content.ReadAsStringAsync());
        Assert.Equal([ClientCsv.Headers.ToArray()], records);
        var page = await session.GetPageAsync("/Clients/Import");
        Assert.Equal(ClientCsv.Headers, page.QuerySelectorAll("table tbody th").Select(th => th.TextContent.TrimEnd(' ', '*')));
    }

    [Fact]
    public async Task A_valid_file_previews_then_imports_for_the_importer_and_importing_it_again_updates_the_same_clients()
    {
        var consultant = await app.ConsultantAsync("import.valid@consultancy.test");
        var session = await BrowserlessSession.SignInAsync(app, consultant);
        var file = $"""
            {Header}
            Imani,Mwangi,imani.mwangi@applicant.test,+254 700 000001,Africa/Nairobi,2021,ERAS/NRMP,ERAS 2028,Applied
            Tomás,Ferreira,TOMAS.FERREIRA@applicant.test,,America/Sao_Paulo,2022,CaRMS,CaRMS 2027,
            """;

        var preview = await UploadAsync(session, file);
        Assert.Equal(["2 row(s)", "2 to add", "0 to update", "0 unchanged", "0 invalid"], Summary(preview));
        Assert.Equal(["Add", "Add"], preview.QuerySelectorAll("table.import-rows tbody td .badge").Select(b => b.TextContent));
        Assert.Equal(0, await ClientsWithEmailsAsync("imani.mwangi@applicant.test", "tomas.ferreira@applicant.test"));

        var committed = await session.SubmitAsync(preview, "/Clients/Import", "form[action='/Clients/Import/Commit']", []);
        Assert.Equal(HttpStatusCode.Redirect, committed.StatusCode);
        var list = await session.GetPageAsync(committed.Headers.Location!.OriginalString);
        Assert.Contains("Import done: 2 client(s) added, 0 updated.", list.QuerySelector("[role=status]")!.TextContent);
        Assert.Contains("Mwangi, Imani", list.QuerySelector("table")!.TextContent);
        var imani = await app.QueryAsync(db => db.Clients.Include(c => c.StageChanges).SingleAsync(c => c.Email == "imani.mwangi@applicant.test"));
        Assert.Equal((consultant.Id, ClientStage.Applied, "Africa/Nairobi", TargetSystem.ErasNrmp, 2021), (imani.ConsultantId, imani.Stage, imani.TimeZoneId, imani.TargetSystem, imani.GraduationYear));
        Assert.Single(imani.StageChanges);
        Assert.Equal(ClientStage.Lead, await app.QueryAsync(db => db.Clients.Where(c => c.Email == "tomas.ferreira@applicant.test").Select(c => c.Stage).SingleAsync()));

        var again = await UploadAsync(session, file.Replace("+254 700 000001", "+254 711 999999").Replace(",Applied", ",Interviewing"));
        Assert.Equal(["2 row(s)", "0 to add", "1 to update", "1 unchanged", "0 invalid"], Summary(again));
        Assert.Equal(["Update", "No changes"], again.QuerySelectorAll("table.import-rows tbody td .badge").Select(b => b.TextContent));
        Assert.Equal(["Phone: +254 700 000001 → +254 711 999999", "Stage: Applied → Interviewing"],
            again.QuerySelectorAll("table.import-rows tbody tr:first-child .import-changes li").Select(li => li.TextContent));
        await session.SubmitAsync(again, "/Clients/Import", "form[action='/Clients/Import/Commit']", []);

        Assert.Equal(2, await ClientsWithEmailsAsync("imani.mwangi@applicant.test", "tomas.ferreira@applicant.test"));
        imani = await app.QueryAsync(db => db.Clients.Include(c => c.StageChanges).SingleAsync(c => c.Email == "imani.mwangi@applicant.test"));
        Assert.Equal(("+254 711 999999", ClientStage.Interviewing, 2), (imani.Phone, imani.Stage, imani.StageChanges.Count));
    }

    [Fact]
    public async Task Rows_with_errors_are_listed_with_the_forms_messages_and_nothing_is_written_before_the_importer_chooses()
    {
        var session = await BrowserlessSession.SignInAsync(app, await app.ConsultantAsync("import.errors@consultancy.test"));
        var file = $"""
            {Header}
            Good,Row,good.row@applicant.test,,UTC,2020,ERAS/NRMP,ERAS 2028,Lead
            ,Nameless,not-an-email,,Atlantis/Capital,nineteen,Mars,ERAS 2028,Lead
            Twice,Over,good.row@applicant.test,,UTC,2020,CaRMS,CaRMS 2027,Sleeping
            """;
        var keptFiles = KeptUploads();

        var preview = await UploadAsync(session, file);

        Assert.Equal(["3 row(s)", "1 to add", "0 to update", "0 unchanged", "2 invalid"], Summary(preview));
        var errors = preview.QuerySelectorAll("table.import-errors tbody tr")
            .ToDictionary(tr => tr.QuerySelector("th")!.TextContent, tr => tr.QuerySelectorAll("li").Select(li => li.TextContent).ToList());
        Assert.Equal(["3", "4"], errors.Keys);
        Assert.Contains("Enter the client's first name.", errors["3"]);
        Assert.Contains("Enter a valid email address, like name@example.com.", errors["3"]);
        Assert.Contains("Choose a time zone from the list, like America/Toronto.", errors["3"]);
        Assert.Contains("Graduation year: enter a whole number, not “nineteen”.", errors["3"]);
        Assert.Contains("Target system: use one of ERAS/NRMP; CaRMS; ERAS/NRMP and CaRMS, not “Mars”.", errors["3"]);
        Assert.Contains("This email address is already on row 2 of the file.", errors["4"]);
        Assert.Contains(errors["4"], e => e.StartsWith("Stage: use one of Lead; Call booked;"));
        Assert.Equal(0, await ClientsWithEmailsAsync("good.row@applicant.test"));
        Assert.Equal(keptFiles + 1, KeptUploads());
    }

    [Fact]
    public async Task Skipping_the_invalid_rows_imports_the_valid_ones_and_offers_the_rejected_rows_with_why_to_download()
    {
        var consultant = await app.ConsultantAsync("import.skip@consultancy.test");
        var session = await BrowserlessSession.SignInAsync(app, consultant);
        var preview = await UploadAsync(session, $"""
            {Header}
            Valid,First,valid.first@applicant.test,,UTC,2020,ERAS,ERAS 2028,Lead
            Local,Host,local.host@localhost,,UTC,2020,ERAS,ERAS 2028,Lead
            Valid,Second,valid.second@applicant.test,,UTC,2020,CARMS,CaRMS 2027,call booked
            """);

        var buttons = preview.QuerySelectorAll("form[action='/Clients/Import/Commit'] button[name=choice]")
            .Select(b => (b.TextContent.Trim(), b.GetAttribute("value"))).ToList();
        Assert.Equal([("Import the 2 valid rows and skip the 1 invalid ones", "SkipInvalid"), ("All or nothing", "AllOrNothing")], buttons);
        var committed = await session.SubmitAsync(preview, "/Clients/Import", "form[action='/Clients/Import/Commit']", new() { ["choice"] = "SkipInvalid" });

        Assert.Equal(HttpStatusCode.Redirect, committed.StatusCode);
        var done = await session.GetPageAsync(committed.Headers.Location!.OriginalString);
        Assert.Equal("Import done: 2 client(s) added, 0 updated; 1 row(s) skipped.", done.QuerySelector("[role=status]")!.TextContent.Trim());
        Assert.Equal(2, await ClientsWithEmailsAsync("valid.first@applicant.test", "valid.second@applicant.test"));
        Assert.Equal(0, await ClientsWithEmailsAsync("local.host@localhost"));
        var link = done.QuerySelectorAll("a").Single(a => a.TextContent == "Download the skipped rows (CSV)").GetAttribute("href")!;
        var download = await session.Http.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("text/csv", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("rejected-clients.csv", download.Content.Headers.ContentDisposition!.FileName!.Trim('"'));
        var records = CsvExportTests.Csv(await download.Content.ReadAsStringAsync());
        Assert.Equal([.. Header.Split(','), "Why"], records[0]);
        Assert.Equal(["Local", "Host", "local.host@localhost", "", "UTC", "2020", "ERAS", "ERAS 2028", "Lead", EmailRules.DomainWithoutDotMessage], records[1]);
        Assert.Equal(2, records.Count);

        // The file is its importer's: another user, and a made-up id, find nothing.
        var other = await BrowserlessSession.SignInAsync(app, await app.ConsultantAsync("import.skip.other@consultancy.test"));
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync(link)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync(committed.Headers.Location!.OriginalString)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await session.Http.GetAsync("/Clients/Import/Rejected/" + new string('a', 32))).StatusCode);
    }

    [Fact]
    public async Task All_or_nothing_on_a_file_with_invalid_rows_imports_nothing_and_says_why()
    {
        var session = await BrowserlessSession.SignInAsync(app, await app.ConsultantAsync("import.allornothing@consultancy.test"));
        var preview = await UploadAsync(session, $"""
            {Header}
            Valid,Row,all.valid@applicant.test,,UTC,2020,ERAS,ERAS 2028,Lead
            Local,Host,all.local@localhost,,UTC,2020,ERAS,ERAS 2028,Lead
            """);

        var response = await session.SubmitAsync(preview, "/Clients/Import", "form[action='/Clients/Import/Commit']", new() { ["choice"] = "AllOrNothing" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await session.GetPageAsync(response.Headers.Location!.OriginalString);
        Assert.Equal($"Nothing was imported: 1 row(s) have errors (first: row 3, {EmailRules.DomainWithoutDotMessage}). Check the file and upload it again.",
            page.QuerySelector("[role=alert]")!.TextContent.Trim());
        Assert.Equal(0, await ClientsWithEmailsAsync("all.valid@applicant.test"));
    }

    [Fact]
    public async Task A_tampered_confirmation_is_refused_and_writes_nothing()
    {
        var session = await BrowserlessSession.SignInAsync(app, await app.ConsultantAsync("import.tampered@consultancy.test"));
        var file = $"""
            {Header}
            Tampered,Row,tampered.row@applicant.test,,UTC,2020,ERAS,ERAS 2028,Lead
            Local,Host,tampered.local@localhost,,UTC,2020,ERAS,ERAS 2028,Lead
            """;
        var variants = new Dictionary<string, string>[]
        {
            new() { ["choice"] = "SkipInvalid", ["plan"] = new string('0', 64) },
            new() { ["choice"] = "SkipInvalid", ["plan"] = "" },
            new() { ["choice"] = "7" },
            new() { ["choice"] = "Everything" },
        };
        var messages = new List<string>();

        foreach (var fields in variants)
        {
            var preview = await UploadAsync(session, file);
            var response = await session.SubmitAsync(preview, "/Clients/Import", "form[action='/Clients/Import/Commit']", fields);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            var page = await session.GetPageAsync(response.Headers.Location!.OriginalString);
            messages.Add(page.QuerySelector("[role=alert]")!.TextContent.Trim());
        }

        const string changed = "Nothing was imported: the file no longer does what its preview showed, because some of its records changed meanwhile. Upload it again to see what it does now.";
        // A choice that names no choice is refused by the model binder, before the import is asked.
        Assert.Equal([changed, changed], messages.Take(2));
        Assert.Contains("'7' is invalid", messages[2]);
        Assert.Contains("'Everything' is not valid", messages[3]);
        Assert.Equal(0, await ClientsWithEmailsAsync("tampered.row@applicant.test"));
    }

    [Fact]
    public async Task The_import_posts_without_the_antiforgery_token_are_refused()
    {
        var session = await BrowserlessSession.SignInAsync(app, await app.ConsultantAsync("import.csrf@consultancy.test"));
        var preview = await UploadAsync(session, "First name,Last name,Email\nNo,Token,no.token@applicant.test\n");
        var importId = preview.QuerySelector("input[name=importId]")!.GetAttribute("value")!;
        using var upload = new MultipartFormDataContent { { new ByteArrayContent("First name,Last name,Email\nA,B,a.b@applicant.test\n"u8.ToArray()), "File", "clients.csv" } };

        var commit = await session.Http.PostAsync("/Clients/Import/Commit", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["importId"] = importId, ["choice"] = "SkipInvalid", ["plan"] = preview.QuerySelector("input[name=plan]")!.GetAttribute("value")!,
        }));
        var uploaded = await session.Http.PostAsync("/Clients/Import", upload);

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (commit.StatusCode, uploaded.StatusCode));
        Assert.Equal(0, await ClientsWithEmailsAsync("no.token@applicant.test", "a.b@applicant.test"));
    }

    [Fact]
    public async Task A_row_with_a_line_break_or_control_character_in_a_one_line_field_gets_an_error_and_nothing_is_written()
    {
        var session = await BrowserlessSession.SignInAsync(app, await app.ConsultantAsync("import.controls@consultancy.test"));
        var file = $"""
            {Header}
            Good,Row,good.controls@applicant.test,,UTC,2020,ERAS/NRMP,ERAS 2028,Lead
            Bell{'\u0007'},"Two
            Lines",two.lines@applicant.test,,UTC,2020,CaRMS,CaRMS 2027,Lead
            """;

        var preview = await UploadAsync(session, file);

        Assert.Equal(["2 row(s)", "1 to add", "0 to update", "0 unchanged", "1 invalid"], Summary(preview));
        var errors = preview.QuerySelectorAll("table.import-errors tbody tr")
            .ToDictionary(tr => tr.QuerySelector("th")!.TextContent, tr => tr.QuerySelectorAll("li").Select(li => li.TextContent).ToList());
        Assert.Equal(["3"], errors.Keys);
        Assert.Equal(["“First name” must be on one line, without control characters.", "“Last name” must be on one line, without control characters."], errors["3"]);
        Assert.Equal(0, await ClientsWithEmailsAsync("good.controls@applicant.test", "two.lines@applicant.test"));
    }

    [Fact]
    public async Task A_consultants_file_cannot_touch_another_consultants_client_and_does_not_say_whose_it_is()
    {
        var owner = await app.ConsultantAsync("import.owner@consultancy.test");
        var ownersClient = await app.AddClientAsync(owner.Id, ClientStage.Applied, "Owned", "Elsewhere", change: c => c.Email = "owned.elsewhere@applicant.test");
        var session = await BrowserlessSession.SignInAsync(app, await app.ConsultantAsync("import.other@consultancy.test"));

        var preview = await UploadAsync(session, $"""
            {Header}
            Taken,Over,owned.elsewhere@applicant.test,,UTC,2020,CaRMS,CaRMS 2027,Withdrawn
            """);

        var error = preview.QuerySelector("table.import-errors tbody li")!.TextContent;
        Assert.Equal("A client with this email address belongs to another consultant's caseload.", error);
        Assert.DoesNotContain("import.owner", preview.Body!.TextContent);
        Assert.Null(preview.QuerySelector("form[action='/Clients/Import/Commit']"));
        var stored = await app.QueryAsync(db => db.Clients.SingleAsync(c => c.Id == ownersClient));
        Assert.Equal(("Owned", ClientStage.Applied, owner.Id), (stored.FirstName, stored.Stage, stored.ConsultantId));
    }

    [Fact]
    public async Task An_admin_gives_imported_clients_to_a_consultant_by_email_and_a_consultant_cannot()
    {
        var consultant = await app.ConsultantAsync("import.target@consultancy.test");
        var admin = await BrowserlessSession.SignInAsync(app, app.Admin);
        var withConsultant = $"""
            First name,Last name,Email,Consultant email
            Given,Away,given.away@applicant.test,Import.Target@consultancy.test
            Nobody,Home,nobody.home@applicant.test,nobody@consultancy.test
            """;

        var refused = await UploadAsync(admin, withConsultant);
        Assert.Equal("No active consultant signs in with nobody@consultancy.test.", refused.QuerySelector("table.import-errors tbody li")!.TextContent);

        var preview = await UploadAsync(admin, withConsultant.Split('\n')[0] + "\n" + withConsultant.Split('\n')[1]);
        await admin.SubmitAsync(preview, "/Clients/Import", "form[action='/Clients/Import/Commit']", []);
        Assert.Equal(consultant.Id, await app.QueryAsync(db => db.Clients.Where(c => c.Email == "given.away@applicant.test").Select(c => c.ConsultantId).SingleAsync()));

        var other = await BrowserlessSession.SignInAsync(app, await app.ConsultantAsync("import.notadmin@consultancy.test"));
        var mine = await UploadAsync(other, "First name,Last name,Email,Consultant email\nMine,Client,mine.client@applicant.test,import.target@consultancy.test\n");
        Assert.Equal("Only admins can give clients to another consultant: leave Consultant email empty or put your own.",
            mine.QuerySelector("table.import-errors tbody li")!.TextContent);
    }

    [Fact]
    public async Task A_row_that_became_invalid_after_the_preview_stops_the_whole_import()
    {
        var session = await BrowserlessSession.SignInAsync(app, await app.ConsultantAsync("import.race@consultancy.test"));
        var preview = await UploadAsync(session, $"""
            {Header}
            First,Valid,first.valid@applicant.test,,UTC,2020,CaRMS,CaRMS 2027,Lead
            Second,Raced,second.raced@applicant.test,,UTC,2020,CaRMS,CaRMS 2027,Lead
            """);
        var keptFiles = KeptUploads();
        var someoneElse = await app.ConsultantAsync("import.racer@consultancy.test");
        await app.AddClientAsync(someoneElse.Id, ClientStage.Lead, "Got", "There", change: c => c.Email = "second.raced@applicant.test");

        var response = await session.SubmitAsync(preview, "/Clients/Import", "form[action='/Clients/Import/Commit']", []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await session.GetPageAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("Nothing was imported: 1 row(s) have errors (first: row 3, A client with this email address belongs to another consultant's caseload.)",
            page.QuerySelector("[role=alert]")!.TextContent);
        Assert.Equal(0, await ClientsWithEmailsAsync("first.valid@applicant.test"));
        Assert.Equal(keptFiles - 1, KeptUploads());
    }

    [Fact]
    public async Task An_upload_can_only_be_imported_by_the_person_who_uploaded_it()
    {
        var session = await BrowserlessSession.SignInAsync(app, await app.ConsultantAsync("import.uploader@consultancy.test"));
        var preview = await UploadAsync(session, "First name,Last name,Email\nNot,Yours,not.yours@applicant.test\n");
        var importId = preview.QuerySelector("input[name=importId]")?.GetAttribute("value") ?? throw new Xunit.Sdk.XunitException(preview.Body!.TextContent);
        var thief = await BrowserlessSession.SignInAsync(app, await app.ConsultantAsync("import.thief@consultancy.test"));

        var response = await thief.PostAsync("/Clients/Import/Commit", "/Clients/Import", new() { ["importId"] = importId });

        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var page = await thief.GetPageAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("This upload has expired or was already imported. Upload the file again.", page.QuerySelector("[role=alert]")!.TextContent);
        Assert.Equal(0, await ClientsWithEmailsAsync("not.yours@applicant.test"));
    }

    [Fact]
    public async Task An_exported_list_imports_back_unchanged_with_formula_protection_removed()
    {
        var consultant = await app.ConsultantAsync("import.roundtrip@consultancy.test");
        var id = await app.AddClientAsync(consultant.Id, ClientStage.Documents, "Round", "Trip", change: c => c.Phone = "+44 20 7946 0000");
        var session = await BrowserlessSession.SignInAsync(app, consultant);
        var exported = await session.Http.GetStringAsync("/Clients/Export");
        Assert.Contains("'+44 20 7946 0000", exported);

        var preview = await UploadAsync(session, exported);
        Assert.Equal(["1 row(s)", "0 to add", "0 to update", "1 unchanged", "0 invalid"], Summary(preview));
        Assert.Equal("No changes", preview.QuerySelector("table.import-rows tbody td .badge")!.TextContent);
        await session.SubmitAsync(preview, "/Clients/Import", "form[action='/Clients/Import/Commit']", []);

        var stored = await app.QueryAsync(db => db.Clients.SingleAsync(c => c.Id == id));
        Assert.Equal(("+44 20 7946 0000", ClientStage.Documents, consultant.Id), (stored.Phone, stored.Stage, stored.ConsultantId));
    }

    [Theory]
    [InlineData("empty", "", "The file is empty. Start from the template: its first row names the columns.")]
    [InlineData("blank", "\r\n  \n", "The file is empty. Start from the template: its first row names the columns.")]
    [InlineData("binary", "\u0089PNG\r\n\u001a\n\0\0\0\rIHDR", "This is not a CSV text file. Save the spreadsheet as “CSV UTF-8 (comma delimited)” and upload that.")]
    [InlineData("headers", "Name,E-mail,Email\nA,b,c@d.test\n", "The first row must name the template's columns: missing columns “First name”, “Last name”; unknown columns “Name”, “E-mail”. Download the template to see them.")]
    [InlineData("header only", "First name,Last name,Email\n", "The file has its header row but no clients under it.")]
    public async Task A_file_that_is_not_a_client_csv_is_refused_with_a_message(string kind, string content, string message)
    {
        var session = await BrowserlessSession.SignInAsync(app, await app.ConsultantAsync($"import.bad.{kind.Replace(' ', '.')}@consultancy.test"));

        var response = await PostFileAsync(session, Encoding.UTF8.GetBytes(content));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await BrowserlessSession.ParseAsync(response);
        Assert.Equal(message, page.QuerySelector("span.field-validation-error")!.TextContent);
    }

    [Fact]
    public async Task A_file_over_the_size_limit_is_refused_with_a_message()
    {
        var session = await BrowserlessSession.SignInAsync(app, await app.ConsultantAsync("import.huge@consultancy.test"));
        var huge = new byte[10 * 1024 * 1024 + 10];
        Array.Fill(huge, (byte)'a');

        var response = await PostFileAsync(session, huge);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await BrowserlessSession.ParseAsync(response);
        Assert.Equal("The file is 10 MB; the largest import is 10 MB. Split it into smaller files.", page.QuerySelector("span.field-validation-error")!.TextContent);
    }

    [Fact]
    public async Task A_request_far_over_the_size_limit_is_refused_without_a_server_error()
    {
        var session = await BrowserlessSession.SignInAsync(app, await app.ConsultantAsync("import.enormous@consultancy.test"));

        var response = await PostFileAsync(session, new byte[12 * 1024 * 1024]);

        Assert.True((int)response.StatusCode is >= 400 and < 500, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private static async Task<IDocument> UploadAsync(BrowserlessSession session, string csv)
    {
        var response = await PostFileAsync(session, Encoding.UTF8.GetBytes(csv));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await BrowserlessSession.ParseAsync(response);
    }

    private static async Task<HttpResponseMessage> PostFileAsync(BrowserlessSession session, byte[] content)
    {
        var page = await session.GetPageAsync("/Clients/Import");
        var token = page.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(content), "File", "clients.csv" },
        };
        return await session.Http.PostAsync("/Clients/Import", form);
    }

    private int KeptUploads() =>
        Directory.Exists(app.ImportDirectory) ? Directory.EnumerateFiles(app.ImportDirectory, "*", SearchOption.AllDirectories).Count() : 0;

    private static List<string> Summary(IDocument preview) =>
        preview.QuerySelectorAll("ul[aria-label=Summary] li").Select(li => li.TextContent.Trim()).ToList();

    private Task<int> ClientsWithEmailsAsync(params string[] emails) =>
        app.QueryAsync(db => db.Clients.CountAsync(c => emails.Contains(c.Email)));
}
