using System.Net;
using Consultancy.Application.Clients;
using Consultancy.Application.Domain;
using Consultancy.Tests.Support;
using CsvHelper;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Tests.Web;

public sealed class CsvExportTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_client_list_export_has_every_page_of_the_filtered_sorted_list_and_nobody_elses_clients()
    {
        var consultant = await app.ConsultantAsync("export.lists@consultancy.test");
        var other = await app.ConsultantAsync("export.other@consultancy.test");
        for (var i = 0; i < 23; i++)
            await app.AddClientAsync(consultant.Id, ClientStage.Applied, $"Applied{i:00}", "Exporter", "CaRMS 2027");
        await app.AddClientAsync(consultant.Id, ClientStage.Lead, "Lead", "Exporter", "CaRMS 2027");
        await app.AddClientAsync(consultant.Id, ClientStage.Applied, "Archived", "Exporter", "CaRMS 2027", archived: true);
        await app.AddClientAsync(other.Id, ClientStage.Applied, "Others", "Exporter", "CaRMS 2027");
        var session = await BrowserlessSession.SignInAsync(app, consultant);

        var list = await session.GetPageAsync("/Clients?stage=Applied&sort=NameDescending&pageSize=10");
        var link = list.QuerySelector("a[href^='/Clients/Export']")!.GetAttribute("href")!;
        var response = await session.Http.GetAsync(link);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Matches(@"^clients-\d{4}-\d{2}-\d{2}\.csv$", response.Content.Headers.ContentDisposition!.FileNameStar);
        var records = Csv(await response.Content.ReadAsStringAsync());
        Assert.Equal(ClientCsv.Headers, records[0]);
        var firstNames = records.Skip(1).Select(r => r[0]).ToList();
        Assert.Equal(Enumerable.Range(0, 23).Reverse().Select(i => $"Applied{i:00}"), firstNames);
        var first = Field(records, 1, "Stage");
        Assert.Equal("Applied", first);
        Assert.Equal("export.lists@consultancy.test", Field(records, 1, ClientCsv.ConsultantHeader));
        Assert.Equal("Non-US IMG", Field(records, 1, "IMG type"));
        Assert.Equal("CaRMS 2027", Field(records, 1, "Season"));
    }

    [Fact]
    public async Task Cells_a_spreadsheet_would_run_as_formulas_are_exported_as_text()
    {
        var consultant = await app.ConsultantAsync("export.formulas@consultancy.test");
        var id = await app.AddClientAsync(consultant.Id, ClientStage.Lead, "=HYPERLINK(\"http://evil.test\",\"x\")", "@SUM(A1)");
        await app.QueryAsync(db => db.Clients.Where(c => c.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.Phone, "+1 555 0100")
            .SetProperty(c => c.MedicalSchool, "-2+3")
            .SetProperty(c => c.Country, "\t=1+1")
            .SetProperty(c => c.Citizenship, "\r=2+2")
            .SetProperty(c => c.LanguageTest, "IELTS 8 = fine")));
        var session = await BrowserlessSession.SignInAsync(app, consultant);

        var records = Csv(await session.Http.GetStringAsync("/Clients/Export"));

        Assert.Equal("'=HYPERLINK(\"http://evil.test\",\"x\")", Field(records, 1, "First name"));
        Assert.Equal("'@SUM(A1)", Field(records, 1, "Last name"));
        Assert.Equal("'+1 555 0100", Field(records, 1, "Phone"));
        Assert.Equal("'-2+3", Field(records, 1, "Medical school"));
        Assert.Equal("'\t=1+1", Field(records, 1, "Country of residence"));
        Assert.Equal("'\r=2+2", Field(records, 1, "Citizenship"));
        Assert.Equal("IELTS 8 = fine", Field(records, 1, "Language test"));
    }

    [Fact]
    public async Task A_clients_deadlines_download_as_csv_named_after_the_client_and_only_for_their_consultant()
    {
        var consultant = await app.ConsultantAsync("export.deadlines@consultancy.test");
        var id = await app.AddClientAsync(consultant.Id, ClientStage.Applied, "Zoë", "Okafor-Ade");
        await app.AddDeadlineAsync(id, "Register for NRMP", new DateOnly(2030, 1, 31));
        await app.AddDeadlineAsync(id, "Certify rank list", new DateOnly(2030, 3, 4), DeadlineStatus.Done);
        var session = await BrowserlessSession.SignInAsync(app, consultant);
        var intruder = await BrowserlessSession.SignInAsync(app, await app.ConsultantAsync("export.intruder@consultancy.test"));

        var page = await session.GetPageAsync($"/Clients/Details/{id}");
        var response = await session.Http.GetAsync(page.QuerySelector("#deadlines a[href^='/Clients/ExportDeadlines']")!.GetAttribute("href"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches(@"^deadlines-zoe-okafor-ade-\d{4}-\d{2}-\d{2}\.csv$", response.Content.Headers.ContentDisposition!.FileNameStar);
        var records = Csv(await response.Content.ReadAsStringAsync());
        Assert.Equal(["Title", "Category", "Due date", "Due time", "Time zone", "Status", "Overdue", "Reminders before", "Notes"], records[0]);
        Assert.Equal(["Register for NRMP", "Exam", "2030-01-31", "", "Africa/Lagos", "Open", "No"], records[1][..7]);
        Assert.Equal(["Certify rank list", "Done"], [records[2][0], records[2][5]]);
        Assert.Equal(3, records.Count);
        Assert.Equal(HttpStatusCode.NotFound, (await intruder.Http.GetAsync($"/Clients/ExportDeadlines/{id}")).StatusCode);
    }

    private static string Field(List<string[]> records, int row, string header) => records[row][Array.IndexOf(records[0], header)];

    /// <summary>Every record of the CSV text, the header first.</summary>
    internal static List<string[]> Csv(string text)
    {
        using var reader = CsvReader.FromText(text.TrimStart('\uFEFF'), CsvReaderOptions.Default with { HasHeader = false, TrimWhitespace = false });
        var records = new List<string[]>();
        while (reader.Read())
            records.Add(Enumerable.Range(0, reader.FieldCount).Select(reader.GetString).ToArray());
        return records;
    }
}
