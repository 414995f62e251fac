using System.Text;
using Consultancy.Application.Clients.Import;
using Consultancy.Application.Common.Exceptions;
using Consultancy.Application.Domain;
using Consultancy.Application.Programs;
using Consultancy.Application.Programs.Import;
using Consultancy.Infrastructure.Identity;
using Consultancy.Tests.Support;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Consultancy.Tests.Application;

/// <summary>The shared program directory: search, filters, paging, the form's rules, the version check and CSV import and export.</summary>
public sealed class ProgramDirectoryTests : IAsyncLifetime
{
    private ApplicationHarness _app = null!;
    private TestUser _maya = null!;
    private TestUser _daniel = null!;

    public async Task InitializeAsync()
    {
        _app = await ApplicationHarness.StartAsync();
        _maya = await _app.ConsultantAsync("maya@consultancy.test");
        _daniel = await _app.ConsultantAsync("daniel@consultancy.test");
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static CreateProgram Program(string name, string specialty = "Internal Medicine", string? state = "IL", string? identifier = null,
        ProgramSystem system = ProgramSystem.ErasNrmp, VisaSponsorship visa = VisaSponsorship.J1, int? imgShare = 50,
        ProgramType type = ProgramType.Community, string? city = "Springfield", string? institution = null) => new()
        {
            Name = name, Specialty = specialty, StateOrProvince = state, Country = system == ProgramSystem.CaRMS ? "Canada" : "United States",
            Identifier = identifier, System = system, VisaSponsorship = visa, ImgSharePercent = imgShare, Type = type, City = city,
            Institution = institution, TimeZoneId = "America/Chicago",
        };

    private async Task<List<string>> NamesAsync(GetProgramList query) =>
        (await _app.SendAsync(_daniel, query)).Items.Select(p => p.Name).ToList();

    [Fact]
    public async Task Text_search_matches_name_institution_city_and_identifier_in_any_case()
    {
        await _app.SendAsync(_maya, Program("Example Valley — Internal Medicine", identifier: "1409990001"));
        await _app.SendAsync(_maya, Program("Sample Lakes — Pediatrics", city: "Lakeview", institution: "Northshore Health"));
        await _app.SendAsync(_maya, Program("100%_Literal — Psychiatry", city: "Elsewhere"));

        Assert.Equal(["Example Valley — Internal Medicine"], await NamesAsync(new GetProgramList { Search = "  VALLEY " }));
        Assert.Equal(["Example Valley — Internal Medicine"], await NamesAsync(new GetProgramList { Search = "99900" }));
        Assert.Equal(["Sample Lakes — Pediatrics"], await NamesAsync(new GetProgramList { Search = "northshore" }));
        Assert.Equal(["Sample Lakes — Pediatrics"], await NamesAsync(new GetProgramList { Search = "lakeview" }));
        // LIKE's wildcards are literal text in a search.
        Assert.Equal(["100%_Literal — Psychiatry"], await NamesAsync(new GetProgramList { Search = "0%_l" }));
        Assert.Empty(await NamesAsync(new GetProgramList { Search = "nowhere at all" }));
    }

    [Fact]
    public async Task Each_filter_selects_only_its_programs()
    {
        await _app.SendAsync(_maya, Program("A IM Illinois J1", imgShare: 60));
        await _app.SendAsync(_maya, Program("B FM Illinois both", specialty: "Family Medicine", visa: VisaSponsorship.Both, imgShare: 30, type: ProgramType.University));
        await _app.SendAsync(_maya, Program("C IM Ohio H1B", state: "OH", visa: VisaSponsorship.H1B, imgShare: null));
        await _app.SendAsync(_maya, Program("D IM Ontario", state: "ON", system: ProgramSystem.CaRMS, visa: VisaSponsorship.None, imgShare: 100, type: ProgramType.University));

        Assert.Equal(["B FM Illinois both"], await NamesAsync(new GetProgramList { Specialty = "Family Medicine" }));
        Assert.Equal(["A IM Illinois J1", "B FM Illinois both"], await NamesAsync(new GetProgramList { State = "IL" }));
        Assert.Equal(["D IM Ontario"], await NamesAsync(new GetProgramList { System = ProgramSystem.CaRMS }));
        Assert.Equal(["A IM Illinois J1", "B FM Illinois both"], await NamesAsync(new GetProgramList { Visa = VisaSponsorship.J1 }));
        Assert.Equal(["B FM Illinois both", "C IM Ohio H1B"], await NamesAsync(new GetProgramList { Visa = VisaSponsorship.H1B }));
        Assert.Equal(["D IM Ontario"], await NamesAsync(new GetProgramList { Visa = VisaSponsorship.None }));
        Assert.Equal(["A IM Illinois J1", "D IM Ontario"], await NamesAsync(new GetProgramList { MinImgShare = 50 }));
        Assert.Equal(["B FM Illinois both", "D IM Ontario"], await NamesAsync(new GetProgramList { Type = ProgramType.University }));
        Assert.Equal(["A IM Illinois J1"], await NamesAsync(new GetProgramList
        {
            Specialty = "Internal Medicine", State = "IL", Visa = VisaSponsorship.J1, MinImgShare = 55, System = ProgramSystem.ErasNrmp,
        }));

        var options = await _app.SendAsync(_daniel, new GetProgramFilterOptions());
        Assert.Equal(["Family Medicine", "Internal Medicine"], options.Specialties);
        Assert.Equal(["IL", "OH", "ON"], options.States);
    }

    [Fact]
    public async Task Pages_follow_name_order_with_the_total_from_either_end()
    {
        for (var i = 30; i >= 1; i--) await _app.SendAsync(_maya, Program($"Program {i:00}"));

        var first = await _app.SendAsync(_daniel, new GetProgramList { PageSize = 10 });
        var last = await _app.SendAsync(_daniel, new GetProgramList { PageSize = 10, Page = 3 });
        var beyond = await _app.SendAsync(_daniel, new GetProgramList { PageSize = 10, Page = 99 });

        Assert.Equal((30, 3), (first.TotalCount, first.PageCount));
        Assert.Equal(Enumerable.Range(1, 10).Select(i => $"Program {i:00}"), first.Items.Select(p => p.Name));
        Assert.Equal(Enumerable.Range(21, 10).Select(i => $"Program {i:00}"), last.Items.Select(p => p.Name));
        Assert.Equal(3, beyond.Page);
        Assert.Equal(last.Items.Select(p => p.Name), beyond.Items.Select(p => p.Name));
    }

    [Fact]
    public async Task The_form_refuses_what_cannot_be_right_with_clear_messages_and_writes_nothing()
    {
        var bad = Program("") with
        {
            Specialty = " ", Country = "", ImgSharePercent = 101, ImgShareYear = 1890, MinimumStep2CkScore = 301,
            MaximumYearsSinceGraduation = 51, MaximumAttempts = 0, Website = "ftp://example.org", TimeZoneId = "Mars/Olympus_Mons",
            Institution = "Two\nlines",
        };

        var error = await Assert.ThrowsAsync<ValidationException>(() => _app.SendAsync(_maya, bad));

        var messages = error.Errors.ToDictionary(e => e.Key, e => e.Value.Single());
        Assert.StartsWith("Enter the program's name", messages[nameof(ProgramFields.Name)]);
        Assert.Equal("Enter the specialty, e.g. Internal Medicine.", messages[nameof(ProgramFields.Specialty)]);
        Assert.Equal("Enter the country, e.g. United States or Canada.", messages[nameof(ProgramFields.Country)]);
        Assert.Equal("The IMG share is a percentage between 0 and 100.", messages[nameof(ProgramFields.ImgSharePercent)]);
        Assert.StartsWith("Enter the year the IMG share was observed", messages[nameof(ProgramFields.ImgShareYear)]);
        Assert.Equal("A minimum Step 2 CK score is between 1 and 300.", messages[nameof(ProgramFields.MinimumStep2CkScore)]);
        Assert.Equal("Years since graduation is between 0 and 50.", messages[nameof(ProgramFields.MaximumYearsSinceGraduation)]);
        Assert.StartsWith("Maximum attempts is between 1", messages[nameof(ProgramFields.MaximumAttempts)]);
        Assert.Equal("Enter the website as a full address starting with https:// or http://.", messages[nameof(ProgramFields.Website)]);
        Assert.Equal("Choose a time zone from the list, like America/Chicago.", messages[nameof(ProgramFields.TimeZoneId)]);
        Assert.Equal("“Institution or hospital system” must be on one line, without control characters.", messages[nameof(ProgramFields.Institution)]);
        Assert.Equal(0, await _app.QueryAsync(db => db.ResidencyPrograms.CountAsync()));
    }

    [Fact]
    public async Task An_identifier_already_used_in_the_same_system_is_a_message_on_the_field_not_a_failure()
    {
        await _app.SendAsync(_maya, Program("First", identifier: "1409990001"));
        var second = await _app.SendAsync(_maya, Program("Second", identifier: "1409990002"));

        var adding = await Assert.ThrowsAsync<ValidationException>(() => _app.SendAsync(_daniel, Program("Copy", identifier: " 1409990001 ")));
        var editing = await Assert.ThrowsAsync<ValidationException>(async () =>
        {
            var form = await _app.SendAsync(_daniel, new GetProgramForEdit(second));
            await _app.SendAsync(_daniel, form with { Identifier = "1409990001" });
        });

        Assert.All(new[] { adding, editing }, e => Assert.StartsWith("Another ERAS/NRMP program already has the identifier 1409990001 (First)",
            e.Errors[nameof(ProgramFields.Identifier)].Single()));
        // The same identifier in the other system, and programs without one, are fine.
        await _app.SendAsync(_maya, Program("Canadian", identifier: "1409990001", system: ProgramSystem.CaRMS));
        await _app.SendAsync(_maya, Program("No id 1", identifier: " "));
        await _app.SendAsync(_maya, Program("No id 2"));
        Assert.Equal(2, await _app.QueryAsync(db => db.ResidencyPrograms.CountAsync(p => p.Identifier == null)));
    }

    [Fact]
    public async Task An_edit_from_an_older_version_is_refused_with_the_saved_version_and_changes_nothing()
    {
        var id = await _app.SendAsync(_maya, Program("Example Valley — Internal Medicine"));
        var mayasForm = await _app.SendAsync(_maya, new GetProgramForEdit(id));
        var danielsForm = await _app.SendAsync(_daniel, new GetProgramForEdit(id));

        await _app.SendAsync(_daniel, danielsForm with { MinimumStep2CkScore = 230 });
        var conflict = await Assert.ThrowsAsync<ConcurrencyException>(() => _app.SendAsync(_maya, mayasForm with { MinimumStep2CkScore = 210 }));

        Assert.Equal(230, Assert.IsType<UpdateProgram>(conflict.Current).MinimumStep2CkScore);
        Assert.Equal("Someone else changed this program while you were editing it.", conflict.Message);
        Assert.Equal(230, await _app.QueryAsync(db => db.ResidencyPrograms.Where(p => p.Id == id).Select(p => p.MinimumStep2CkScore).SingleAsync()));
        // Saving again from the version shown keeps Maya's.
        await _app.SendAsync(_maya, mayasForm with { MinimumStep2CkScore = 210, Version = ((UpdateProgram)conflict.Current).Version });
        Assert.Equal(210, await _app.QueryAsync(db => db.ResidencyPrograms.Where(p => p.Id == id).Select(p => p.MinimumStep2CkScore).SingleAsync()));
    }

    [Fact]
    public async Task Verified_today_stamps_who_and_when_and_an_edit_without_it_keeps_the_stamp()
    {
        var never = await _app.SendAsync(_maya, Program("Never checked"));
        var id = await _app.SendAsync(_maya, Program("Checked") with { VerifiedToday = true });
        var stampedAt = _app.Clock.GetUtcNow().UtcDateTime;

        _app.Clock.Advance(TimeSpan.FromDays(3));
        var form = await _app.SendAsync(_daniel, new GetProgramForEdit(id));
        await _app.SendAsync(_daniel, form with { Notes = "Interviews are virtual." });
        var kept = await _app.SendAsync(_daniel, new GetProgramDetails(id));
        form = await _app.SendAsync(_daniel, new GetProgramForEdit(id));
        await _app.SendAsync(_daniel, form with { VerifiedToday = true });
        var renewed = await _app.SendAsync(_daniel, new GetProgramDetails(id));

        Assert.Equal(("maya", stampedAt), (kept.VerifiedByName?.Split(' ')[0], kept.VerifiedAt));
        Assert.Equal(_app.Clock.GetUtcNow().UtcDateTime, renewed.VerifiedAt);
        Assert.Equal(_daniel.Id, await _app.QueryAsync(db => db.ResidencyPrograms.Where(p => p.Id == id).Select(p => p.VerifiedById).SingleAsync()));
        var listed = (await _app.SendAsync(_maya, new GetProgramList())).Items.Single(p => p.Id == never);
        Assert.Null(listed.VerifiedAt);
    }

    [Fact]
    public async Task A_consultant_adds_and_edits_programs_that_every_other_consultant_sees_and_edits()
    {
        var id = await _app.SendAsync(_maya, Program("Shared Program"));
        var form = await _app.SendAsync(_daniel, new GetProgramForEdit(id));
        await _app.SendAsync(_daniel, form with { Name = "Shared Program — renamed" });

        Assert.Equal("Shared Program — renamed", (await _app.SendAsync(_maya, new GetProgramDetails(id))).Name);
        Assert.Equal(["Shared Program — renamed"], await NamesAsync(new GetProgramList()));
        await Assert.ThrowsAsync<NotFoundException>(() => _app.SendAsync(_maya, new GetProgramDetails(id + 1000)));
    }

    private const string Header = "Name,Specialty,State or province,Country,System,Identifier,IMG share (%),Visa sponsorship,Maximum attempts";

    private static MemoryStream Csv(string text) => new(Encoding.UTF8.GetBytes(text));

    [Fact]
    public async Task The_preview_lists_each_rows_errors_and_says_which_rows_add_and_which_update()
    {
        await _app.SendAsync(_maya, Program("Existing", identifier: "1409990001"));
        var file = $"""
            {Header}
            Existing renamed,Internal Medicine,IL,United States,ERAS/NRMP,1409990001,55,J-1,1
            New one,Pediatrics,NY,United States,,1409990002,20,H-1B,
            ,Pediatrics,NY,,ERAS/NRMP,1409990003,120,Sometimes,ten
            Twice,Pediatrics,NY,United States,ERAS/NRMP,1409990002,20,None,
            """;

        var preview = await _app.SendAsync(_maya, new PreviewProgramImport(Csv(file)));

        Assert.Equal([ImportAction.Update, ImportAction.Add, ImportAction.Add, ImportAction.Add], preview.Rows.Select(r => r.Action));
        Assert.Equal((1, 1, false), (preview.UpdateCount, preview.AddCount, preview.CanImportAll));
        Assert.Equal([4, 5], preview.RowsWithErrors.Select(r => r.RowNumber));
        var row4 = preview.Rows[2].Errors;
        Assert.Contains("Visa sponsorship: use one of Unknown; J-1; H-1B; J-1 and H-1B; None, not “Sometimes”.", row4);
        Assert.Contains("Maximum attempts: enter a whole number, not “ten”.", row4);
        Assert.Contains("The IMG share is a percentage between 0 and 100.", row4);
        Assert.Contains("Enter the country, e.g. United States or Canada.", row4);
        Assert.Contains(row4, e => e.StartsWith("Enter the program's name", StringComparison.Ordinal));
        Assert.Equal(["This system and identifier are already on row 3 of the file."], preview.Rows[3].Errors);

        var refused = await Assert.ThrowsAsync<ValidationException>(() => _app.SendAsync(_maya, new ImportPrograms(Csv(file))));
        Assert.StartsWith("Nothing was imported: 2 row(s) have errors (first: row 4", refused.Message);
        Assert.Equal(["Existing"], await _app.QueryAsync(db => db.ResidencyPrograms.Select(p => p.Name).ToListAsync()));
    }

    [Fact]
    public async Task An_import_adds_new_programs_and_updates_those_found_by_system_and_identifier_keeping_columns_left_out()
    {
        var existing = await _app.SendAsync(_maya, Program("Existing", identifier: "1409990001") with { MinimumStep2CkScore = 225, Notes = "Kept" });
        var file = $"""
            {Header}
            Existing renamed,Internal Medicine,IL,United States,ERAS/NRMP,1409990001,55,J-1 and H-1B,1
            New one,Pediatrics,NY,United States,,1409990002,20,H-1B,
            Canadian,Family Medicine,ON,Canada,CaRMS,1409990001,100,None,
            """;

        var result = await _app.SendAsync(_daniel, new ImportPrograms(Csv(file)));

        Assert.Equal((2, 1), (result.Added, result.Updated));
        var programs = await _app.QueryAsync(db => db.ResidencyPrograms.OrderBy(p => p.Id).ToListAsync());
        Assert.Equal(3, programs.Count);
        var updated = programs.Single(p => p.Id == existing);
        Assert.Equal(("Existing renamed", 55, VisaSponsorship.Both, 1, 225, "Kept"),
            (updated.Name, updated.ImgSharePercent, updated.VisaSponsorship, updated.MaximumAttempts, updated.MinimumStep2CkScore, updated.Notes));
        Assert.Equal((ProgramSystem.ErasNrmp, "America/New_York"), (programs[1].System, programs[1].TimeZoneId));
        Assert.Equal(ProgramSystem.CaRMS, programs[2].System);
    }

    [Fact]
    public async Task An_export_imported_again_changes_nothing_and_an_edited_export_updates_the_same_programs()
    {
        await _app.SendAsync(_maya, Program("Alpha — Internal Medicine", identifier: "1409990001", institution: "Alpha Health") with
        {
            MinimumStep2CkScore = 220, MaximumYearsSinceGraduation = 5, MaximumAttempts = 1, ClinicalExperience = ClinicalExperienceRequirement.Required,
            EcfmgCertificationByRankDeadline = true, Website = "https://example.org/alpha", Notes = "=SUM(A1)\nsecond line", PositionsPerYear = 12,
            ImgShareYear = 2025, VerifiedToday = true,
        });
        await _app.SendAsync(_maya, Program("Beta — Psychiatry", specialty: "Psychiatry", identifier: "DEMO-PS-1", system: ProgramSystem.CaRMS,
            visa: VisaSponsorship.None, imgShare: null, state: null));
        var before = await SnapshotAsync();

        var exported = await ExportAsync(new GetProgramList());
        var again = await _app.SendAsync(_daniel, new ImportPrograms(Csv(exported)));

        Assert.Equal((0, 0, 2), (again.Added, again.Updated, again.Unchanged));
        Assert.Equal(before, await SnapshotAsync());
        Assert.StartsWith(string.Join(",", ProgramCsv.Headers), exported.TrimStart('\uFEFF'));

        var filtered = await ExportAsync(new GetProgramList { Specialty = "Psychiatry" });
        Assert.Equal(2, filtered.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        await _app.SendAsync(_daniel, new ImportPrograms(Csv(filtered.Replace("Beta — Psychiatry", "Beta — Psychiatry (renamed)"))));
        Assert.Equal(["Alpha — Internal Medicine", "Beta — Psychiatry (renamed)"],
            await _app.QueryAsync(db => db.ResidencyPrograms.OrderBy(p => p.Name).Select(p => p.Name).ToListAsync()));
    }

    private async Task<string> ExportAsync(GetProgramList filters)
    {
        // The rows are read while they are written, so the request's scope stays open until the file is done.
        await using var scope = _app.Services.CreateSystemScope();
        var rows = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new ExportProgramList(filters));
        using var output = new MemoryStream();
        await ProgramCsv.WriteAsync(output, rows, CancellationToken.None);
        return Encoding.UTF8.GetString(output.ToArray());
    }

    private Task<List<string>> SnapshotAsync() => _app.QueryAsync(async db => (await db.ResidencyPrograms.OrderBy(p => p.Id).ToListAsync())
        .Select(p => string.Join("|", p.Name, p.Institution, p.Specialty, p.City, p.StateOrProvince, p.Country, p.System, p.Identifier, p.Type,
            p.PositionsPerYear, p.ImgSharePercent, p.ImgShareYear, p.VisaSponsorship, p.TimeZoneId, p.MinimumStep2CkScore,
            p.MaximumYearsSinceGraduation, p.MaximumAttempts, p.ClinicalExperience, p.EcfmgCertificationByRankDeadline, p.Website, p.Notes,
            p.VerifiedById, p.VerifiedAt)).ToList());
}
