namespace Consultancy.Application.Clients.Import;

/// <summary>A row of a CSV import as its preview shows it: what importing it would do (with the fields an update changes), or why it cannot be imported.</summary>
public interface IImportRow
{
    int RowNumber { get; }
    ImportAction Action { get; }
    IReadOnlyList<string> Errors { get; }
    IReadOnlyList<FieldChange> Changes { get; }
}

/// <summary>What importing a file would do, row by row (clients or programs).</summary>
/// <param name="Plan">The plan's digest, handed back with the import so that it writes what this preview showed, or nothing.</param>
public sealed record ImportPreview<TRow>(IReadOnlyList<TRow> Rows, string Plan) where TRow : IImportRow
{
    public int AddCount => Rows.Count(r => r.Errors.Count == 0 && r.Action == ImportAction.Add);
    public int UpdateCount => Rows.Count(r => r.Errors.Count == 0 && r.Action == ImportAction.Update);
    public int UnchangedCount => Rows.Count(r => r.Errors.Count == 0 && r.Action == ImportAction.Unchanged);
    public IReadOnlyList<TRow> RowsWithErrors => Rows.Where(r => r.Errors.Count > 0).ToList();
    public int ValidCount => Rows.Count(r => r.Errors.Count == 0);
    public int InvalidCount => Rows.Count - ValidCount;

    /// <summary>Every row is valid: the import writes them all.</summary>
    public bool CanImportAll => InvalidCount == 0;

    /// <summary>Some rows are valid and some are not: the importer may import the valid ones and skip the others.</summary>
    public bool CanSkipInvalid => ValidCount > 0 && InvalidCount > 0;
}
