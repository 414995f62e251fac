using System.Text;
using Consultancy.Application.Clients.Import;
using Consultancy.Application.Common;
using Consultancy.Application.Domain;
using Consultancy.Application.Programs;
using Consultancy.Application.Programs.Import;
using Consultancy.Tests.Support;
using Consultancy.Tests.Web;
using Microsoft.EntityFrameworkCore;
using ValidationException = Consultancy.Application.Common.Exceptions.ValidationException;

namespace Consultancy.Tests.Application;

/// <summary>
/// The importer's choice on the preview (every row or none, or the valid rows only), the file of rows an import skipped,
/// what an update row changes, and the spellings a file may use in its choice columns — for clients and programs alike.
/// </summary>
public sealed class ImportChoiceTests : IAsyncLifetime
{
    private const string Header = "First name,Last name,Email,Step 2 CK score,Season,Stage";
    private ApplicationHarness _app = null!;
    private TestUser _maya = null!;

    public async Task InitializeAsync()
    {
        _app = await ApplicationHarness.StartAsync();
        _maya = await _app.ConsultantAsync("maya@consultancy.test");
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Skipping_writes_exactly_the_valid_rows_and_hands_back_the_invalid_ones_with_their_cells_and_reasons()
    {
        await ExistingClientAsync("existing.client@applicant.test", 231, "ERAS 2027");
        var file = $"""
            {Header}
            New,One,new.one@applicant.test,240,ERAS 2028,Lead
            ,Nameless,nameless@applicant.test,240,ERAS 2028,Lead
            Existing,Client,existing.client@applicant.test,245,ERAS 2028,Applied
            Bad,Host,bad.host@localhost,240,ERAS 2028,Sleeping
            New,Two,new.two@applicant.test,250,ERAS 2028,Lead
            """;

        var result = await _app.SendAsync(_maya, new ImportClients(Csv(file), ImportChoice.SkipInvalid));

        Assert.Equal((2, 1, 0), (result.Added, result.Updated, result.Unchanged));
        var stored = await _app.QueryAsync(db => db.Clients.OrderBy(c => c.Email).Select(c => new { c.Email, c.Step2CkScore, c.Season, c.Stage }).ToListAsync());
        Assert.Equal(["existing.client@applicant.test", "new.one@applicant.test", "new.two@applicant.test"], stored.Select(c => c.Email));
        Assert.Equal((245, "ERAS 2028", ClientStage.Applied), (stored[0].Step2CkScore, stored[0].Season, stored[0].Stage));
        Assert.Equal(Header.Split(','), result.Rejected.Headers);
        Assert.Equal([3, 5], result.Rejected.Rows.Select(r => r.RowNumber));
        Assert.Equal(["", "Nameless", "nameless@applicant.test", "240", "ERAS 2028", "Lead"], result.Rejected.Rows[0].Cells);
        Assert.Equal(["Enter the client's first name."], result.Rejected.Rows[0].Errors);
        Assert.Equal(["Stage: use one of Lead; Call booked; Onboarding; Documents; Applied; Interviewing; Rank list submitted; Matched; Unmatched; Withdrawn, not “Sleeping”.",
            EmailRules.DomainWithoutDotMessage], result.Rejected.Rows[1].Errors);
    }

    [Fact]
    public async Task Skipping_writes_the_valid_rows_in_one_transaction_so_a_failed_commit_leaves_none_of_them()
    {
        var database = new FailingDatabase();
        await using var app = await ApplicationHarness.StartAsync(configureServices: database.AddTo);
        var maya = await app.ConsultantAsync("maya@consultancy.test");
        // More rows than one save holds, so the rows are saved in parts before the one commit.
        var file = new StringBuilder(Header).Append('\n').Append("Bad,Row,not-an-email,240,ERAS 2028,Lead\n");
        for (var i = 0; i < 620; i++) file.Append($"Applicant{i},Skipped,applicant{i}@applicant.test,240,ERAS 2028,Lead\n");
        database.FailCommit(1, dies: false);

        await Assert.ThrowsAnyAsync<IOException>(() => app.SendAsync(maya, new ImportClients(Csv(file.ToString()), ImportChoice.SkipInvalid)));

        Assert.Equal(0, await app.QueryAsync(db => db.Clients.CountAsync()));
        var again = await app.SendAsync(maya, new ImportClients(Csv(file.ToString()), ImportChoice.SkipInvalid));
        Assert.Equal((620, 1), (again.Added, again.Rejected.Rows.Count));
    }

    [Fact]
    public async Task All_or_nothing_still_writes_nothing_when_one_row_is_invalid()
    {
        await ExistingClientAsync("existing.client@applicant.test", 231, "ERAS 2027");
        var file = $"""
            {Header}
            New,One,new.one@applicant.test,240,ERAS 2028,Lead
            Existing,Client,existing.client@applicant.test,245,ERAS 2028,Applied
            Bad,Host,bad.host@localhost,240,ERAS 2028,Lead
            """;

        var refused = await Assert.ThrowsAsync<ValidationException>(() => _app.SendAsync(_maya, new ImportClients(Csv(file), ImportChoice.AllOrNothing)));

        Assert.Equal($"Nothing was imported: 1 row(s) have errors (first: row 4, {EmailRules.DomainWithoutDotMessage}). Check the file and upload it again.", refused.Message);
        var stored = await _app.QueryAsync(db => db.Clients.Select(c => new { c.Email, c.Step2CkScore }).ToListAsync());
        Assert.Equal(("existing.client@applicant.test", (int?)231), (Assert.Single(stored).Email, stored[0].Step2CkScore));
    }

    [Fact]
    public async Task A_file_without_a_valid_row_is_refused_when_skipping_too()
    {
        var refused = await Assert.ThrowsAsync<ValidationException>(() => _app.SendAsync(_maya,
            new ImportClients(Csv($"{Header}\nBad,Host,bad.host@localhost,240,ERAS 2028,Lead\n"), ImportChoice.SkipInvalid)));

        Assert.Equal("Nothing was imported: no row of the file can be imported. Check the file and upload it again.", refused.Message);
        Assert.Equal(0, await _app.QueryAsync(db => db.Clients.CountAsync()));
    }

    [Fact]
    public async Task The_rejected_rows_file_keeps_the_uploaded_columns_adds_why_and_imports_once_corrected()
    {
        var file = """
            email,First name,Last name,Phone,Stage
            ok.row@applicant.test,Ok,Row,,Lead
            bad.host@localhost,Bad,Host,+1 416 555 0100,Lead
            "quoted, comma@applicant.test",Quoted,"Comma, Row",,Lead
            """;
        var result = await _app.SendAsync(_maya, new ImportClients(Csv(file), ImportChoice.SkipInvalid));

        var rejected = await RejectedFileAsync(result.Rejected);

        var records = CsvExportTests.Csv(rejected);
        Assert.Equal(["email", "First name", "Last name", "Phone", "Stage", "Why"], records[0]);
        Assert.Equal(["bad.host@localhost", "Bad", "Host", "'+1 416 555 0100", "Lead", EmailRules.DomainWithoutDotMessage], records[1]);
        Assert.Equal(["quoted, comma@applicant.test", "Quoted", "Comma, Row", "", "Lead", "Enter a valid email address, like name@example.com."], records[2]);

        // Corrected in a spreadsheet, the file imports; a row still wrong comes back with its new reason in place of the old.
        var corrected = rejected.Replace("bad.host@localhost", "bad.host@hospital.example");
        var again = await _app.SendAsync(_maya, new ImportClients(Csv(corrected), ImportChoice.SkipInvalid));
        Assert.Equal((1, 1), (again.Added, again.Rejected.Rows.Count));
        Assert.Equal("+1 416 555 0100", await _app.QueryAsync(db => db.Clients.Where(c => c.Email == "bad.host@hospital.example").Select(c => c.Phone).SingleAsync()));
        var stillRejected = CsvExportTests.Csv(await RejectedFileAsync(again.Rejected));
        Assert.Equal(["email", "First name", "Last name", "Phone", "Stage", "Why"], stillRejected[0]);
        Assert.Equal("Enter a valid email address, like name@example.com.", stillRejected[1][^1]);
    }

    [Fact]
    public async Task An_update_row_lists_exactly_the_fields_it_changes_and_an_unchanged_row_is_counted_apart()
    {
        await ExistingClientAsync("changed.client@applicant.test", 231, "ERAS 2027");
        await ExistingClientAsync("same.client@applicant.test", 240, "ERAS 2028");
        var file = $"""
            {Header}
            Existing,Client,changed.client@applicant.test,245,ERAS 2028,Lead
            Existing,Client, SAME.client@applicant.test ,240, ERAS 2028 ,lead
            New,One,new.one@applicant.test,240,ERAS 2028,Lead
            Bad,Host,bad.host@localhost,240,ERAS 2028,Lead
            """;

        var preview = await _app.SendAsync(_maya, new PreviewClientImport(Csv(file)));

        Assert.Equal([ImportAction.Update, ImportAction.Unchanged, ImportAction.Add, ImportAction.Add], preview.Rows.Select(r => r.Action));
        Assert.Equal(["Step 2 CK score: 231 → 245", "Season: ERAS 2027 → ERAS 2028"], preview.Rows[0].Changes.Select(c => c.ToString()));
        Assert.Empty(preview.Rows[1].Changes);
        Assert.Equal((1, 1, 1, 1), (preview.AddCount, preview.UpdateCount, preview.UnchangedCount, preview.InvalidCount));
        Assert.Equal((false, true), (preview.CanImportAll, preview.CanSkipInvalid));

        var result = await _app.SendAsync(_maya, new ImportClients(Csv(file), ImportChoice.SkipInvalid, preview.Plan));
        Assert.Equal((1, 1, 1, 1), (result.Added, result.Updated, result.Unchanged, result.Rejected.Rows.Count));
        var same = (await _app.QueryAsync(db => db.Clients.SingleAsync(c => c.Email == "same.client@applicant.test"))).Id.ToString();
        Assert.Equal(0, await _app.QueryAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == nameof(Client) && a.EntityId == same && a.Action == AuditAction.Updated)));
    }

    [Fact]
    public async Task A_programs_update_row_lists_its_changes_and_a_program_file_can_skip_its_invalid_rows()
    {
        await _app.SendAsync(_maya, new CreateProgram
        {
            Name = "Lakeside — Internal Medicine", Specialty = "Internal Medicine", Country = "United States", System = ProgramSystem.ErasNrmp,
            Identifier = "1409990001", ImgSharePercent = 45, VisaSponsorship = VisaSponsorship.J1, TimeZoneId = "America/Chicago",
        });
        var file = """
            Name,Specialty,Country,System,Identifier,IMG share (%),Visa sponsorship,ECFMG certified by rank deadline
            Lakeside — Internal Medicine,Internal Medicine,United States,ERAS,1409990001,55,both,y
            Northern — Family Medicine,Family Medicine,Canada,CARMS,CA-FM-1,,,0
            Broken,Pediatrics,United States,ERAS,1409990002,140,,maybe
            """;

        var preview = await _app.SendAsync(_maya, new PreviewProgramImport(Csv(file)));

        Assert.Equal(["IMG share (%): 45 → 55", "Visa sponsorship: J-1 → J-1 and H-1B", "ECFMG certified by rank deadline: (empty) → Yes"],
            preview.Rows[0].Changes.Select(c => c.ToString()));
        Assert.Equal(["ECFMG certified by rank deadline: use Yes, No or leave it empty, not “maybe”.", "The IMG share is a percentage between 0 and 100."],
            preview.Rows[2].Errors);
        var result = await _app.SendAsync(_maya, new ImportPrograms(Csv(file), ImportChoice.SkipInvalid, preview.Plan));
        Assert.Equal((1, 1, 1), (result.Added, result.Updated, result.Rejected.Rows.Count));
        var programs = await _app.QueryAsync(db => db.ResidencyPrograms.OrderBy(p => p.Name).Select(p => new { p.Name, p.System, p.ImgSharePercent, p.EcfmgCertificationByRankDeadline }).ToListAsync());
        Assert.Equal([("Lakeside — Internal Medicine", ProgramSystem.ErasNrmp, (int?)55, (bool?)true), ("Northern — Family Medicine", ProgramSystem.CaRMS, null, false)],
            programs.Select(p => (p.Name, p.System, p.ImgSharePercent, p.EcfmgCertificationByRankDeadline)));
    }

    [Fact]
    public async Task An_import_whose_records_changed_since_the_preview_is_refused_and_writes_nothing()
    {
        await ExistingClientAsync("existing.client@applicant.test", 231, "ERAS 2027");
        var file = $"""
            {Header}
            Existing,Client,existing.client@applicant.test,245,ERAS 2028,Lead
            New,One,new.one@applicant.test,240,ERAS 2028,Lead
            """;
        var preview = await _app.SendAsync(_maya, new PreviewClientImport(Csv(file)));
        await _app.QueryAsync(async db =>
        {
            (await db.Clients.SingleAsync(c => c.Email == "existing.client@applicant.test")).Step2CkScore = 238;
            return await db.SaveChangesAsync();
        });

        var refused = await Assert.ThrowsAsync<ValidationException>(() => _app.SendAsync(_maya, new ImportClients(Csv(file), ImportChoice.SkipInvalid, preview.Plan)));
        var forged = await Assert.ThrowsAsync<ValidationException>(() => _app.SendAsync(_maya, new ImportClients(Csv(file), ImportChoice.AllOrNothing, "")));
        var unknownChoice = await Assert.ThrowsAsync<ValidationException>(() => _app.SendAsync(_maya, new ImportClients(Csv(file), (ImportChoice)7, preview.Plan)));

        Assert.Equal("Nothing was imported: the file no longer does what its preview showed, because some of its records changed meanwhile. Upload it again to see what it does now.",
            refused.Message);
        Assert.Equal(refused.Message, forged.Message);
        Assert.Equal([PlannedImport.UnknownChoiceMessage], unknownChoice.Errors[nameof(ImportClients.Choice)]);
        Assert.Equal(["existing.client@applicant.test"], await _app.QueryAsync(db => db.Clients.Select(c => c.Email).ToListAsync()));
        Assert.Equal(238, await _app.QueryAsync(db => db.Clients.Select(c => c.Step2CkScore).SingleAsync()));
    }

    [Theory]
    [InlineData("ERAS", TargetSystem.ErasNrmp)]
    [InlineData("NRMP", TargetSystem.ErasNrmp)]
    [InlineData("ERAS/NRMP", TargetSystem.ErasNrmp)]
    [InlineData("ERAS-NRMP", TargetSystem.ErasNrmp)]
    [InlineData("eras nrmp", TargetSystem.ErasNrmp)]
    [InlineData("ErasNrmp", TargetSystem.ErasNrmp)]
    [InlineData("CaRMS", TargetSystem.CaRMS)]
    [InlineData("CARMS", TargetSystem.CaRMS)]
    [InlineData("both", TargetSystem.Both)]
    [InlineData("BOTH", TargetSystem.Both)]
    [InlineData("ERAS/NRMP and CaRMS", TargetSystem.Both)]
    public void A_target_system_is_read_from_its_common_spellings(string cell, TargetSystem expected)
    {
        Assert.True(ImportSpellings.TryRead<TargetSystem>(cell, out var value), cell);
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("ERAS", ProgramSystem.ErasNrmp)]
    [InlineData("NRMP", ProgramSystem.ErasNrmp)]
    [InlineData("ERAS-NRMP", ProgramSystem.ErasNrmp)]
    [InlineData("CARMS", ProgramSystem.CaRMS)]
    [InlineData("carms", ProgramSystem.CaRMS)]
    public void A_programs_system_is_read_from_its_common_spellings(string cell, ProgramSystem expected)
    {
        Assert.True(ImportSpellings.TryRead<ProgramSystem>(cell, out var value), cell);
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("Pass", ExamResult.Pass)]
    [InlineData("Passed", ExamResult.Pass)]
    [InlineData("P", ExamResult.Pass)]
    [InlineData("pass", ExamResult.Pass)]
    [InlineData("Fail", ExamResult.Fail)]
    [InlineData("Failed", ExamResult.Fail)]
    [InlineData("f", ExamResult.Fail)]
    [InlineData("Not taken", ExamResult.NotTaken)]
    [InlineData("NotTaken", ExamResult.NotTaken)]
    [InlineData("not-taken", ExamResult.NotTaken)]
    [InlineData("none", ExamResult.NotTaken)]
    [InlineData("Scheduled", ExamResult.Scheduled)]
    public void An_exam_result_is_read_from_its_common_spellings(string cell, ExamResult expected)
    {
        Assert.True(ImportSpellings.TryRead<ExamResult>(cell, out var value), cell);
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("Call booked", ClientStage.CallBooked)]
    [InlineData("CallBooked", ClientStage.CallBooked)]
    [InlineData("call-booked", ClientStage.CallBooked)]
    [InlineData("RANK LIST SUBMITTED", ClientStage.RankListSubmitted)]
    [InlineData("RankListSubmitted", ClientStage.RankListSubmitted)]
    [InlineData("withdrawn", ClientStage.Withdrawn)]
    public void A_stage_is_read_from_its_name_and_its_code_name(string cell, ClientStage expected)
    {
        Assert.True(ImportSpellings.TryRead<ClientStage>(cell, out var value), cell);
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("yes", true)]
    [InlineData("Y", true)]
    [InlineData("TRUE", true)]
    [InlineData("1", true)]
    [InlineData("no", false)]
    [InlineData("n", false)]
    [InlineData("False", false)]
    [InlineData("0", false)]
    [InlineData("", null)]
    [InlineData("  ", null)]
    public void A_yes_or_no_is_read_from_its_common_spellings(string cell, bool? expected)
    {
        Assert.True(ImportSpellings.TryReadYesNo(cell, out var value), cell);
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Mars")]
    [InlineData("ERAS 2028")]
    [InlineData("-")]
    public void What_names_no_value_is_not_read(string cell)
    {
        Assert.False(ImportSpellings.TryRead<TargetSystem>(cell, out _));
        Assert.False(ImportSpellings.TryRead<ExamResult>(cell, out _));
    }

    [Fact]
    public void Every_choice_column_reads_each_spelling_as_one_value()
    {
        // Building the tables refuses a spelling that would name two values of one column.
        foreach (var read in new Action[]
        {
            () => ImportSpellings.TryRead<ClientStage>("x", out _), () => ImportSpellings.TryRead<ImgType>("x", out _),
            () => ImportSpellings.TryRead<TargetSystem>("x", out _), () => ImportSpellings.TryRead<VisaNeed>("x", out _),
            () => ImportSpellings.TryRead<ExamResult>("x", out _), () => ImportSpellings.TryRead<EcfmgStatus>("x", out _),
            () => ImportSpellings.TryRead<ClientSource>("x", out _), () => ImportSpellings.TryRead<ProgramSystem>("x", out _),
            () => ImportSpellings.TryRead<ProgramType>("x", out _), () => ImportSpellings.TryRead<VisaSponsorship>("x", out _),
            () => ImportSpellings.TryRead<ClinicalExperienceRequirement>("x", out _), () => ImportSpellings.TryRead<ClinicalExperienceKind>("x", out _),
        })
            read();
    }

    [Fact]
    public async Task A_file_in_common_spellings_imports_with_the_values_they_name_and_an_unknown_value_lists_the_accepted_ones()
    {
        var file = """
            First name,Last name,Email,Target system,USMLE Step 1,Step 1 attempts,OET Medicine,Stage
            Eras,Passed,eras.passed@applicant.test,ERAS,Passed,1,not taken,CallBooked
            Carms,Failed,carms.failed@applicant.test,CaRMS,F,2,,call booked
            Both,Maybe,both.maybe@applicant.test,both,Maybe,,,Lead
            """;

        var result = await _app.SendAsync(_maya, new ImportClients(Csv(file), ImportChoice.SkipInvalid));

        Assert.Equal(2, result.Added);
        Assert.Equal(["USMLE Step 1: use one of Not taken; Scheduled; Pass; Fail, not “Maybe”."], Assert.Single(result.Rejected.Rows).Errors);
        var clients = await _app.QueryAsync(db => db.Clients.OrderBy(c => c.Email).Select(c => new { c.TargetSystem, c.Step1Result, c.OetResult, c.Stage }).ToListAsync());
        Assert.Equal([(TargetSystem.CaRMS, ExamResult.Fail, ExamResult.NotTaken, ClientStage.CallBooked), (TargetSystem.ErasNrmp, ExamResult.Pass, ExamResult.NotTaken, ClientStage.CallBooked)],
            clients.Select(c => (c.TargetSystem, c.Step1Result, c.OetResult, c.Stage)));
    }

    private async Task ExistingClientAsync(string email, int step2CkScore, string season) =>
        await _app.SendAsync(_maya, ClientBuilder.NewClient("Existing", "Client") with { Email = email, Step2CkScore = step2CkScore, Season = season });

    private static async Task<string> RejectedFileAsync(RejectedRows rows)
    {
        using var output = new MemoryStream();
        await rows.WriteAsync(output, CancellationToken.None);
        return Encoding.UTF8.GetString(output.ToArray()).TrimStart('\uFEFF');
    }

    private static MemoryStream Csv(string text) => new(Encoding.UTF8.GetBytes(text));
}
