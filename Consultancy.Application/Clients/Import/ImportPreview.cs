namespace Consultancy.Application.Clients.Import;

/// <summary>A row of a CSV import as its preview shows it: what importing it would do, or why it cannot be imported.</summary>
public interface IImportRow
{
    ImportAction Action { get; }
    IReadOnlyList<string> Errors { get; }
}

/// <summary>What importing a file would do, row by row (clients or programs); it imports only when no row has an error.</summary>
public sealed record ImportPreview<TRow>(IReadOnlyList<TRow> Rows) where TRow : IImportRow
{
    public int AddCount => Rows.Count(r => r.Errors.Count == 0 && r.Action == ImportAction.Add);
    public int UpdateCount => Rows.Count(r => r.Errors.Count == 0 && r.Action == ImportAction.Update);
    public IReadOnlyList<TRow> RowsWithErrors => Rows.Where(r => r.Errors.Count > 0).ToList();
    public bool CanImport => Rows.All(r => r.Errors.Count == 0);
}
