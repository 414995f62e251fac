using System.Text;
using Consultancy.Application.Clients;
using Consultancy.Application.Clients.Import;
using Consultancy.Application.Common.Exceptions;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using CsvHelper;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Application.Programs.Import;

/// <summary>What importing one record of the file would do, and what stops it.</summary>
internal sealed class PlannedProgramRow(int rowNumber, ProgramCsvRow fields, ResidencyProgram? existing)
{
    public int RowNumber { get; } = rowNumber;
    public ProgramCsvRow Fields { get; } = fields;
    public ResidencyProgram? Existing { get; } = existing;
    public List<string> Errors { get; } = [];
    public ImportAction Action => Existing is null ? ImportAction.Add : ImportAction.Update;
}

/// <summary>
/// Reads a program file and checks every record as the program form would: the same field rules and messages, plus
/// what only a file can get wrong (unknown columns, the same system and identifier on two rows). A row whose system
/// and identifier are in the directory updates that program; the file's columns replace its values, the others stay.
/// </summary>
internal sealed class ProgramImportPlanner(IAppDbContext db, TimeProvider clock)
{
    public const int MaxRows = 20_000;
    public const string FileField = ImportClients.FileField;

    /// <summary>Reads and checks every row; the programs it finds are not tracked (the import attaches each as it updates it).</summary>
    public async Task<List<PlannedProgramRow>> PlanAsync(Stream csv, CancellationToken ct)
    {
        var (columns, records) = Read(csv);
        var parsed = records.Select(cells => Parse(new ProgramCsvRow(), cells, columns)).ToList();
        var identifiers = parsed.Select(p => p.Row.StoredIdentifier).OfType<string>().Distinct().ToList();
        var existing = (await db.ResidencyPrograms.AsNoTracking().Where(p => p.Identifier != null && identifiers.Contains(p.Identifier)).ToListAsync(ct))
            .ToDictionary(p => (p.System, p.Identifier!));

        var validator = new ProgramFieldsValidator(clock);
        var firstRowOfKey = new Dictionary<(ProgramSystem, string), int>();
        var rows = new List<PlannedProgramRow>(records.Count);
        for (var i = 0; i < records.Count; i++)
        {
            var rowNumber = i + 2;
            var (fresh, errors) = parsed[i];
            var key = fresh.StoredIdentifier is { } identifier ? (fresh.System, identifier) : ((ProgramSystem, string)?)null;
            var current = key is { } k ? existing.GetValueOrDefault(k) : null;
            // An update starts from the program as it is, so a column the file leaves out keeps its value.
            var fields = current is null ? fresh : Parse(ProgramCsvRow.From(current), records[i], columns).Row;
            var row = new PlannedProgramRow(rowNumber, fields, current);
            row.Errors.AddRange(errors);
            row.Errors.AddRange(validator.Validate(fields).Errors.Select(e => e.ErrorMessage).Distinct());
            if (key is { } taken && !firstRowOfKey.TryAdd(taken, rowNumber))
                row.Errors.Add($"This system and identifier are already on row {firstRowOfKey[taken]} of the file.");
            rows.Add(row);
        }
        return rows;
    }

    private static (ProgramCsvRow Row, List<string> Errors) Parse(ProgramCsvRow row, string[] cells, IReadOnlyList<(ProgramCsvColumn Column, int Index)> columns)
    {
        var errors = new List<string>();
        foreach (var (column, index) in columns)
            if (!column.ExportOnly && column.Parse(row, ClientCsv.Unprotect(index < cells.Length ? cells[index] : "")) is { } error)
                errors.Add(error);
        return (row, errors);
    }

    /// <summary>The file's columns (by the documented headers) and its records; a file that is no program CSV is refused whole.</summary>
    private static (IReadOnlyList<(ProgramCsvColumn Column, int Index)> Columns, List<string[]> Records) Read(Stream csv)
    {
        using var buffer = new MemoryStream();
        csv.CopyTo(buffer);
        var bytes = buffer.ToArray();
        if (bytes.Length == 0 || bytes.All(b => b is (byte)' ' or (byte)'\r' or (byte)'\n' or (byte)'\t'))
            throw new ValidationException(FileField, "The file is empty. Start from the template: its first row names the columns.");
        if (bytes.AsSpan(0, Math.Min(bytes.Length, 8192)).Contains((byte)0) || !IsUtf8(bytes))
            throw new ValidationException(FileField, "This is not a CSV text file. Save the spreadsheet as “CSV UTF-8 (comma delimited)” and upload that.");

        using var reader = CsvReader.Create(bytes, CsvReaderOptions.Default with
        {
            Separator = ',', TrimWhitespace = true, AllowLineBreaksInQuotes = true, SkipEmptyLines = true,
        });
        reader.ReadHeader();
        var headers = reader.Headers.Select(h => h.Trim()).ToList();
        var known = ProgramCsv.Columns.ToDictionary(c => c.Header, StringComparer.OrdinalIgnoreCase);
        var unknown = headers.Where(h => h.Length > 0 && !known.ContainsKey(h)).ToList();
        var missing = ProgramCsv.Columns.Where(c => c.Required && !headers.Contains(c.Header, StringComparer.OrdinalIgnoreCase)).Select(c => c.Header).ToList();
        var repeated = headers.GroupBy(h => h, StringComparer.OrdinalIgnoreCase).Where(g => g.Key.Length > 0 && g.Count() > 1).Select(g => g.Key).ToList();
        if (missing.Count > 0 || unknown.Count > 0 || repeated.Count > 0)
        {
            var problems = new List<string>();
            if (missing.Count > 0) problems.Add($"missing column{(missing.Count > 1 ? "s" : "")} {Quoted(missing)}");
            if (unknown.Count > 0) problems.Add($"unknown column{(unknown.Count > 1 ? "s" : "")} {Quoted(unknown)}");
            if (repeated.Count > 0) problems.Add($"repeated column{(repeated.Count > 1 ? "s" : "")} {Quoted(repeated)}");
            throw new ValidationException(FileField,
                $"The first row must name the template's columns: {string.Join("; ", problems)}. Download the template to see them.");
        }

        var columns = headers.Select((h, i) => (Header: h, Index: i)).Where(h => h.Header.Length > 0)
            .Select(h => (known[h.Header], h.Index)).ToList();
        var records = new List<string[]>();
        while (reader.Read())
        {
            if (records.Count == MaxRows)
                throw new ValidationException(FileField, $"The file has more than {MaxRows:N0} programs. Split it into smaller files.");
            records.Add(Enumerable.Range(0, reader.FieldCount).Select(reader.GetString).ToArray());
        }
        if (records.Count == 0)
            throw new ValidationException(FileField, "The file has its header row but no programs under it.");
        return (columns, records);
    }

    private static string Quoted(IEnumerable<string> names) => string.Join(", ", names.Select(n => $"“{n}”"));

    private static bool IsUtf8(byte[] bytes)
    {
        try
        {
            _ = new UTF8Encoding(false, true).GetCharCount(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
