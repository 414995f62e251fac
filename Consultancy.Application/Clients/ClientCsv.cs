using System.Globalization;
using AutoMapper;
using Consultancy.Application.Clients.Import;
using Consultancy.Application.Common.Mapping;
using Consultancy.Application.Domain;
using CsvHelper;

namespace Consultancy.Application.Clients;

/// <summary>
/// A client as one CSV record: the profile fields of the client form, the stage, the consultant's email and the
/// clinical experience in one cell.
/// </summary>
public sealed record ClientCsvRow : ClientFields
{
    public ClientStage Stage { get; set; } = ClientStage.Lead;
    public string? ConsultantEmail { get; set; }

    /// <summary>The clinical experience cell (<see cref="ClinicalExperienceCsv"/>); written by the export from the client's rows.</summary>
    public string? ClinicalExperience { get; set; }

    /// <summary>The entries an imported cell gives; null when the file has no such column (the client's stay as they are).</summary>
    internal List<ClinicalExperienceFields>? ClinicalExperiences { get; set; }

    internal sealed class Mapping : Profile
    {
        public Mapping() => CreateMap<Client, ClientCsvRow>()
            .ForMember(r => r.ClinicalExperience, o => o.Ignore())
            .ForMember(r => r.ClinicalExperiences, o => o.Ignore());
    }
}

/// <summary>One column of the client CSV: how it is written on export and read on import.</summary>
public sealed record ClientCsvColumn(string Header, string Description, bool Required) : ICsvColumn
{
    internal Func<ClientCsvRow, string?> Format { get; init; } = _ => null;

    /// <summary>Sets the field from the cell; returns a message when the cell cannot be read.</summary>
    internal Func<ClientCsvRow, string, string?> Parse { get; init; } = (_, _) => null;
}

/// <summary>
/// The documented column set of client import and export. An export is a valid import file, so exporting,
/// editing in a spreadsheet and importing again updates the same clients.
/// </summary>
public static class ClientCsv
{
    public const string EmailHeader = "Email";
    public const string ConsultantHeader = "Consultant email";

    /// <summary>Spreadsheets run a cell starting with one of these as a formula; exports put an apostrophe in front.</summary>
    private const string FormulaStarts = "=+-@\t\r";

    public static CsvWriterOptions WriterOptions { get; } = CsvWriterOptions.Default with
    {
        Injection = CsvInjection.Escape,
        InjectionCharacters = FormulaStarts,
        InjectionEscape = '\'',
        WriteByteOrderMark = true,
    };

    public static IReadOnlyList<ClientCsvColumn> Columns { get; } =
    [
        Text("First name", "Required.", true, r => r.FirstName, (r, v) => r.FirstName = v),
        Text("Last name", "Required.", true, r => r.LastName, (r, v) => r.LastName = v),
        Text(EmailHeader, "Required; identifies the client: importing a file again updates the clients with these emails.", true,
            r => r.Email, (r, v) => r.Email = v),
        Text("Phone", "Digits, spaces and an optional leading +.", false, r => r.Phone, (r, v) => r.Phone = v),
        Text("Country of residence", "", false, r => r.Country, (r, v) => r.Country = v),
        Text("Time zone", "IANA name, like America/Toronto; reminders go out at 09:00 in this zone. New clients without one get UTC.", false,
            r => r.TimeZoneId, (r, v) => r.TimeZoneId = v.Length == 0 ? "UTC" : v),
        Text("Medical school", "", false, r => r.MedicalSchool, (r, v) => r.MedicalSchool = v),
        Text("Country of medical school", "", false, r => r.MedicalSchoolCountry, (r, v) => r.MedicalSchoolCountry = v),
        Number("Graduation year", r => r.GraduationYear, (r, v) => r.GraduationYear = v),
        Choice<ImgType>("IMG type", r => r.ImgType, (r, v) => r.ImgType = v),
        Text("Citizenship", "", false, r => r.Citizenship, (r, v) => r.Citizenship = v),
        Choice<VisaNeed>("Visa need", r => r.VisaNeed, (r, v) => r.VisaNeed = v),
        Choice<ExamResult>("USMLE Step 1", r => r.Step1Result, (r, v) => r.Step1Result = v),
        Date("Step 1 date", r => r.Step1Date, (r, v) => r.Step1Date = v),
        Attempts("Step 1 attempts", r => r.Step1Attempts, (r, v) => r.Step1Attempts = v),
        Number("Step 2 CK score", r => r.Step2CkScore, (r, v) => r.Step2CkScore = v),
        Date("Step 2 CK date", r => r.Step2CkDate, (r, v) => r.Step2CkDate = v),
        Attempts("Step 2 CK attempts", r => r.Step2CkAttempts, (r, v) => r.Step2CkAttempts = v),
        Choice<ExamResult>("USMLE Step 3", r => r.Step3Result, (r, v) => r.Step3Result = v),
        Choice<ExamResult>("MCCQE Part I", r => r.Mccqe1Result, (r, v) => r.Mccqe1Result = v),
        Attempts("MCCQE Part I attempts", r => r.Mccqe1Attempts, (r, v) => r.Mccqe1Attempts = v),
        Choice<ExamResult>("NAC OSCE", r => r.NacOsceResult, (r, v) => r.NacOsceResult = v),
        Choice<ExamResult>("OET Medicine", r => r.OetResult, (r, v) => r.OetResult = v),
        Date("OET date", r => r.OetDate, (r, v) => r.OetDate = v) with { Description = "A date as YYYY-MM-DD: the day of the OET Medicine result, only with Pass or Fail." },
        Text("Language test", "", false, r => r.LanguageTest, (r, v) => r.LanguageTest = v),
        Choice<EcfmgStatus>("ECFMG certification", r => r.EcfmgStatus, (r, v) => r.EcfmgStatus = v),
        new(ClinicalExperienceCsv.Header,
            "US or Canadian clinical experience, entries as kind: place: months separated by |, e.g. “hands-on: Mercy Hospital, Chicago: 2 | observership: Lakeside Clinic: 1”. "
            + "Kinds: observership; externship; hands-on; research. The cell replaces the client's list (empty: none); without the column the list stays as it is.", false)
        {
            Format = r => r.ClinicalExperience,
            Parse = (row, cell) =>
            {
                var (entries, errors) = ClinicalExperienceCsv.Parse(cell);
                row.ClinicalExperience = cell;
                row.ClinicalExperiences = entries;
                return errors.Count == 0 ? null : string.Join(" ", errors);
            },
        },
        Choice<TargetSystem>("Target system", r => r.TargetSystem, (r, v) => r.TargetSystem = v),
        Text("Season", "Like ERAS 2028 or CaRMS 2027.", false, r => r.Season, (r, v) => r.Season = v),
        Text("Target specialties", "", false, r => r.TargetSpecialties, (r, v) => r.TargetSpecialties = v),
        Number("Programs planned", r => r.ProgramsPlanned, (r, v) => r.ProgramsPlanned = v),
        Choice<ClientSource>("Source", r => r.Source, (r, v) => r.Source = v),
        Text("Tags", "Separated by commas.", false, r => r.Tags, (r, v) => r.Tags = v),
        Choice<ClientStage>("Stage", r => r.Stage, (r, v) => r.Stage = v),
        Text(ConsultantHeader, "Admins only: the consultant (by sign-in email) the client belongs to; empty means the importer. Ignored for consultants' own imports unless it is their own email.", false,
            r => r.ConsultantEmail, (r, v) => r.ConsultantEmail = v),
    ];

    public static IEnumerable<string> Headers => Columns.Select(c => c.Header);

    /// <summary>Writes the header and the rows, flushing as it goes, so a long export never sits in memory.</summary>
    public static async Task WriteAsync(Stream output, IAsyncEnumerable<ClientCsvRow> rows, CancellationToken ct)
    {
        await using var csv = CsvWriter.Create(output, WriterOptions, leaveOpen: true);
        csv.WriteHeader(Headers.ToArray());
        await foreach (var row in rows.WithCancellation(ct))
        {
            foreach (var column in Columns) csv.WriteField(column.Format(row));
            await csv.EndRecordAsync(ct);
        }
        await csv.FlushAsync(ct);
    }

    /// <summary>
    /// A cell as it is meant: exports put an apostrophe before text that a spreadsheet would run as a formula,
    /// so an apostrophe followed by such a character is that protection, not part of the value.
    /// </summary>
    internal static string Unprotect(string cell)
    {
        var value = cell.Trim();
        return value.Length > 1 && value[0] == '\'' && FormulaStarts.Contains(value[1]) ? value[1..] : value;
    }

    private static ClientCsvColumn Text(string header, string description, bool required,
        Func<ClientCsvRow, string?> get, Action<ClientCsvRow, string> set) =>
        new(header, description, required) { Format = get, Parse = (row, cell) => { set(row, cell); return null; } };

    private static ClientCsvColumn Number(string header, Func<ClientCsvRow, int?> get, Action<ClientCsvRow, int?> set) =>
        new(header, "A whole number.", false)
        {
            Format = row => get(row)?.ToString(CultureInfo.InvariantCulture),
            Parse = (row, cell) =>
            {
                if (cell.Length == 0) { set(row, null); return null; }
                if (!int.TryParse(cell, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
                    return $"{header}: enter a whole number, not “{cell}”.";
                set(row, value);
                return null;
            },
        };

    private static ClientCsvColumn Attempts(string header, Func<ClientCsvRow, int?> get, Action<ClientCsvRow, int?> set) =>
        Number(header, get, set) with { Description = $"A whole number from 1 to {ClientFieldsValidator.MaxAttempts}, the pass included; empty if not taken." };

    private static ClientCsvColumn Date(string header, Func<ClientCsvRow, DateOnly?> get, Action<ClientCsvRow, DateOnly?> set) =>
        new(header, "A date as YYYY-MM-DD.", false)
        {
            Format = row => get(row)?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Parse = (row, cell) =>
            {
                if (cell.Length == 0) { set(row, null); return null; }
                if (!DateOnly.TryParseExact(cell, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
                    return $"{header}: enter a date as YYYY-MM-DD, not “{cell}”.";
                set(row, value);
                return null;
            },
        };

    private static ClientCsvColumn Choice<T>(string header, Func<ClientCsvRow, T> get, Action<ClientCsvRow, T> set) where T : struct, Enum =>
        new(header, $"One of: {ImportSpellings.NamesWithAliases<T>()}. Empty leaves it unchanged (new clients: {default(T).DisplayName()}).", false)
        {
            Format = row => get(row).DisplayName(),
            Parse = (row, cell) =>
            {
                if (cell.Length == 0) return null;
                if (!ImportSpellings.TryRead<T>(cell, out var value)) return $"{header}: use one of {ImportSpellings.Names<T>()}, not “{cell}”.";
                set(row, value);
                return null;
            },
        };
}
