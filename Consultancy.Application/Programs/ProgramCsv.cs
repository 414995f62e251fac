using System.Globalization;
using Consultancy.Application.Clients;
using Consultancy.Application.Clients.Import;
using Consultancy.Application.Common.Mapping;
using Consultancy.Application.Domain;
using CsvHelper;

namespace Consultancy.Application.Programs;

/// <summary>A directory program as one CSV record: the fields of the program form, and its verification (export only).</summary>
public sealed record ProgramCsvRow : ProgramFields
{
    public DateOnly? VerifiedOn { get; set; }
    public string? VerifiedBy { get; set; }

    public static ProgramCsvRow From(ResidencyProgram p) => new()
    {
        Name = p.Name, Institution = p.Institution, Specialty = p.Specialty, City = p.City, StateOrProvince = p.StateOrProvince,
        Country = p.Country, System = p.System, Identifier = p.Identifier, Type = p.Type, PositionsPerYear = p.PositionsPerYear,
        ImgSharePercent = p.ImgSharePercent, ImgShareYear = p.ImgShareYear, VisaSponsorship = p.VisaSponsorship, TimeZoneId = p.TimeZoneId,
        MinimumStep2CkScore = p.MinimumStep2CkScore, MaximumYearsSinceGraduation = p.MaximumYearsSinceGraduation,
        MaximumAttempts = p.MaximumAttempts, ClinicalExperience = p.ClinicalExperience,
        EcfmgCertificationByRankDeadline = p.EcfmgCertificationByRankDeadline, Website = p.Website, Notes = p.Notes,
        VerifiedOn = p.VerifiedAt is { } at ? DateOnly.FromDateTime(at) : null, VerifiedBy = p.VerifiedBy?.DisplayName,
    };
}

/// <summary>One column of the program CSV: how it is written on export and read on import.</summary>
public sealed record ProgramCsvColumn(string Header, string Description, bool Required, string Example) : ICsvColumn
{
    /// <summary>Written on export for the reader; an import ignores it.</summary>
    public bool ExportOnly { get; init; }
    internal Func<ProgramCsvRow, string?> Format { get; init; } = _ => null;

    /// <summary>Sets the field from the cell; returns a message when the cell cannot be read.</summary>
    internal Func<ProgramCsvRow, string, string?> Parse { get; init; } = (_, _) => null;
}

/// <summary>
/// The documented column set of program import and export (docs/programs.md). An export is a valid import file:
/// exporting, editing in a spreadsheet and importing again updates the same programs, found by system and identifier.
/// </summary>
public static class ProgramCsv
{
    public const string SystemHeader = "System";
    public const string IdentifierHeader = "Identifier";

    public static IReadOnlyList<ProgramCsvColumn> Columns { get; } =
    [
        Text("Name", "The program's name.", true, "Example Valley Medical Center — Internal Medicine", r => r.Name, (r, v) => r.Name = v),
        Text("Institution", "The hospital, university or health system.", false, "Example Valley Health", r => r.Institution, (r, v) => r.Institution = v),
        Text("Specialty", "As your team writes it; the directory's specialty filter lists the values used.", true, "Internal Medicine",
            r => r.Specialty, (r, v) => r.Specialty = v),
        Text("City", "", false, "Springfield", r => r.City, (r, v) => r.City = v),
        Text("State or province", "Name or abbreviation, the same way on every row: the state filter lists the values used.", false, "IL",
            r => r.StateOrProvince, (r, v) => r.StateOrProvince = v),
        Text("Country", "", true, "United States", r => r.Country, (r, v) => r.Country = v),
        Choice<ProgramSystem>(SystemHeader, "Empty means ERAS/NRMP. With the identifier it finds the program to update.", "ERAS/NRMP",
            r => r.System, (r, v) => r.System = v),
        Text(IdentifierHeader, "The ACGME/ERAS program number (10 digits) or the CaRMS program stream; unique within a system. A row whose system and identifier are already in the directory updates that program; other rows add one.",
            false, "1409990001", r => r.Identifier, (r, v) => r.Identifier = v),
        Choice<ProgramType>("Program type", "Empty means Unknown.", "Community", r => r.Type, (r, v) => r.Type = v),
        Number("Positions per year", "A whole number, 0–500.", "12", r => r.PositionsPerYear, (r, v) => r.PositionsPerYear = v),
        Number("IMG share (%)", "Share of current residents who are IMGs, a whole number 0–100.", "45", r => r.ImgSharePercent, (r, v) => r.ImgSharePercent = v),
        Number("IMG share year", "The year the share was observed.", "2026", r => r.ImgShareYear, (r, v) => r.ImgShareYear = v),
        Choice<VisaSponsorship>("Visa sponsorship", "Empty means Unknown.", "J-1 and H-1B", r => r.VisaSponsorship, (r, v) => r.VisaSponsorship = v),
        new("Time zone", "IANA name of the zone interviews are scheduled in. Empty keeps the program's zone (new programs: America/New_York).", false, "America/Chicago")
        {
            Format = r => r.TimeZoneId,
            Parse = (r, v) => { if (v.Length > 0) r.TimeZoneId = v; return null; },
        },
        Number("Minimum Step 2 CK score", "1–300; empty when the program sets none or does not say.", "220", r => r.MinimumStep2CkScore, (r, v) => r.MinimumStep2CkScore = v),
        Number("Maximum years since graduation", "0–50; empty when the program sets no limit.", "5", r => r.MaximumYearsSinceGraduation,
            (r, v) => r.MaximumYearsSinceGraduation = v),
        Number("Maximum attempts", "Most attempts accepted on any licensing exam, 1–9 (1: first-attempt passes only); empty when not said.", "1",
            r => r.MaximumAttempts, (r, v) => r.MaximumAttempts = v),
        Choice<ClinicalExperienceRequirement>("Clinical experience", "US or Canadian clinical experience asked for. Empty means Unknown.", "Preferred",
            r => r.ClinicalExperience, (r, v) => r.ClinicalExperience = v),
        new("ECFMG certified by rank deadline", $"{ImportSpellings.YesNoSpellings}, or empty when unknown.", false, "Yes")
        {
            Format = r => r.EcfmgCertificationByRankDeadline switch { true => "Yes", false => "No", null => "" },
            Parse = (r, v) =>
            {
                if (!ImportSpellings.TryReadYesNo(v, out var value)) return $"ECFMG certified by rank deadline: use Yes, No or leave it empty, not “{v}”.";
                r.EcfmgCertificationByRankDeadline = value;
                return null;
            },
        },
        Text("Website", "A full address starting with https:// or http://.", false, "https://example.org/im-residency", r => r.Website, (r, v) => r.Website = v),
        Text("Notes", "Free text; line breaks are kept inside a quoted cell.", false, "Interview invites go out in October.", r => r.Notes, (r, v) => r.Notes = v),
        new("Verified on", "Written on export: the date someone last checked the record (YYYY-MM-DD). Ignored on import: check the “Verified today” box on the program's form.", false, "2026-11-20")
        {
            ExportOnly = true, Format = r => r.VerifiedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        },
        new("Verified by", "Written on export: who last checked it. Ignored on import.", false, "Maya Patel") { ExportOnly = true, Format = r => r.VerifiedBy },
    ];

    public static IEnumerable<string> Headers => Columns.Select(c => c.Header);

    /// <summary>Writes the header and the rows, flushing as it goes, so a long export never sits in memory.</summary>
    public static async Task WriteAsync(Stream output, IAsyncEnumerable<ProgramCsvRow> rows, CancellationToken ct)
    {
        await using var csv = CsvWriter.Create(output, ClientCsv.WriterOptions, leaveOpen: true);
        csv.WriteHeader(Headers.ToArray());
        await foreach (var row in rows.WithCancellation(ct))
        {
            foreach (var column in Columns) csv.WriteField(column.Format(row));
            await csv.EndRecordAsync(ct);
        }
        await csv.FlushAsync(ct);
    }

    private static ProgramCsvColumn Text(string header, string description, bool required, string example,
        Func<ProgramCsvRow, string?> get, Action<ProgramCsvRow, string> set) =>
        new(header, (required ? "Required. " : "") + description, required, example)
        {
            Format = get, Parse = (row, cell) => { set(row, cell); return null; },
        };

    private static ProgramCsvColumn Number(string header, string description, string example, Func<ProgramCsvRow, int?> get, Action<ProgramCsvRow, int?> set) =>
        new(header, description, false, example)
        {
            Format = row => get(row)?.ToString(CultureInfo.InvariantCulture),
            Parse = (row, cell) =>
            {
                if (cell.Length == 0) { set(row, null); return null; }
                if (!int.TryParse(cell.TrimEnd('%'), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
                    return $"{header}: enter a whole number, not “{cell}”.";
                set(row, value);
                return null;
            },
        };

    private static ProgramCsvColumn Choice<T>(string header, string description, string example, Func<ProgramCsvRow, T> get, Action<ProgramCsvRow, T> set)
        where T : struct, Enum =>
        new(header, $"One of: {ImportSpellings.NamesWithAliases<T>()}. {description}", false, example)
        {
            Format = row => get(row).DisplayName(),
            Parse = (row, cell) =>
            {
                if (cell.Length == 0) { set(row, default); return null; }
                if (!ImportSpellings.TryRead<T>(cell, out var value)) return $"{header}: use one of {ImportSpellings.Names<T>()}, not “{cell}”.";
                set(row, value);
                return null;
            },
        };
}
