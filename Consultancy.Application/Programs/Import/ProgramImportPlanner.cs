using Consultancy.Application.Clients;
using Consultancy.Application.Clients.Import;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Application.Programs.Import;

/// <summary>What importing one record of the file would do, and what stops it.</summary>
internal sealed class PlannedProgramRow(int rowNumber, string[] cells, ProgramCsvRow fields, ResidencyProgram? existing) : IPlannedRow
{
    public int RowNumber { get; } = rowNumber;
    public string[] Cells { get; } = cells;
    public ProgramCsvRow Fields { get; } = fields;
    public ResidencyProgram? Existing { get; } = existing;
    public List<string> Errors { get; } = [];
    public List<FieldChange> Changes { get; } = [];
    IReadOnlyList<FieldChange> IPlannedRow.Changes => Changes;
    public ImportAction Action => Existing is null ? ImportAction.Add : Changes.Count > 0 ? ImportAction.Update : ImportAction.Unchanged;
}

/// <summary>
/// Reads a program file and checks every record as the program form would: the same field rules and messages, plus
/// what only a file can get wrong (unknown columns, the same system and identifier on two rows). A row whose system
/// and identifier are in the directory updates that program; the file's columns replace its values, the others stay.
/// </summary>
internal sealed class ProgramImportPlanner(IAppDbContext db, TimeProvider clock)
{
    public const int MaxRows = 20_000;

    /// <summary>
    /// Reads and checks every row, and lists the fields each update changes; the programs it finds are not tracked (the
    /// import attaches each as it updates it).
    /// </summary>
    public async Task<ImportPlan<PlannedProgramRow>> PlanAsync(Stream csv, CancellationToken ct)
    {
        var file = CsvImportFile.Read(csv, ProgramCsv.Columns, MaxRows, "programs");
        var (columns, records) = (file.Columns, file.Records);
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
            var row = new PlannedProgramRow(rowNumber, records[i], fields, current);
            row.Errors.AddRange(errors);
            row.Errors.AddRange(validator.Validate(fields).Errors.Select(e => e.ErrorMessage).Distinct());
            if (key is { } taken && !firstRowOfKey.TryAdd(taken, rowNumber))
                row.Errors.Add($"This system and identifier are already on row {firstRowOfKey[taken]} of the file.");
            if (current is not null) row.Changes.AddRange(FieldChanges(current, fields));
            rows.Add(row);
        }
        return new ImportPlan<PlannedProgramRow>(file.Headers, rows);
    }

    /// <summary>
    /// The fields the row changes, column by column: the program as stored against the program as the row would leave it
    /// (trimmed and emptied to nothing, as saving does). Verification is not imported, so it is no change.
    /// </summary>
    private static IEnumerable<FieldChange> FieldChanges(ResidencyProgram current, ProgramCsvRow fields)
    {
        var before = ProgramCsvRow.From(current);
        var asSaved = new ResidencyProgram(current.CreatedAt);
        fields.ApplyTo(asSaved);
        var after = ProgramCsvRow.From(asSaved);
        return ProgramCsv.Columns.Where(c => !c.ExportOnly)
            .Select(c => FieldChange.Of(c.Header, c.Format(before), c.Format(after))).OfType<FieldChange>();
    }

    private static (ProgramCsvRow Row, List<string> Errors) Parse(ProgramCsvRow row, string[] cells, IReadOnlyList<(ProgramCsvColumn Column, int Index)> columns)
    {
        var errors = new List<string>();
        foreach (var (column, index) in columns)
            if (!column.ExportOnly && column.Parse(row, ClientCsv.Unprotect(index < cells.Length ? cells[index] : "")) is { } error)
                errors.Add(error);
        return (row, errors);
    }
}
