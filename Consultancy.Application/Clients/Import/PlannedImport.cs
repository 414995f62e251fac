using System.Security.Cryptography;
using System.Text;
using Consultancy.Application.Common.Exceptions;
using Consultancy.Application.Common.Interfaces;

namespace Consultancy.Application.Clients.Import;

/// <summary>What importing a row does: add a record, update one, or nothing, since the record already holds the row's values.</summary>
public enum ImportAction
{
    Add = 0,
    Update = 1,
    Unchanged = 2,
}

/// <summary>What the importer chose on the preview.</summary>
public enum ImportChoice
{
    /// <summary>Every row is written, or none: one invalid row stops the import.</summary>
    AllOrNothing = 0,

    /// <summary>The valid rows are written (all of them, or none) and the invalid ones are handed back with their reasons.</summary>
    SkipInvalid = 1,
}

/// <summary>A field an update row changes, as the file's column names and writes it: "Step 2 CK score: 231 → 245".</summary>
public sealed record FieldChange(string Field, string Before, string After)
{
    private const int ShownLength = 80;

    public override string ToString() => $"{Field}: {Shown(Before)} → {Shown(After)}";

    /// <summary>The change of one column between a record's stored values and the file's, or null when the column does not change.</summary>
    public static FieldChange? Of(string field, string? before, string? after) =>
        (before ?? "") == (after ?? "") ? null : new FieldChange(field, before ?? "", after ?? "");

    private static string Shown(string value) =>
        value.Length == 0 ? "(empty)" : value.Length <= ShownLength ? value : value[..(ShownLength - 1)] + "…";
}

/// <summary>A row an import planned: its place and cells in the file, what importing it does, and what stops it.</summary>
internal interface IPlannedRow
{
    int RowNumber { get; }
    string[] Cells { get; }
    List<string> Errors { get; }
    ImportAction Action { get; }
    IReadOnlyList<FieldChange> Changes { get; }
}

/// <summary>Every row of an import file as planned, with the file's header row (the rejected rows are written back under it).</summary>
internal sealed record ImportPlan<TRow>(IReadOnlyList<string> Headers, IReadOnlyList<TRow> Rows) where TRow : IPlannedRow
{
    /// <summary>
    /// What the plan does, row by row, as a digest: the preview shows it and the import compares it, so the import writes
    /// what the importer saw, or nothing (a record changed meanwhile changes an update's "before", so the digest too).
    /// </summary>
    public string Fingerprint
    {
        get
        {
            var text = new StringBuilder();
            foreach (var row in Rows)
            {
                text.Append(row.RowNumber).Append('\u001e').Append(row.Errors.Count > 0 ? "invalid" : row.Action.ToString());
                foreach (var change in row.Changes) text.Append('\u001f').Append(change.Field).Append('\u001f').Append(change.Before).Append('\u001f').Append(change.After);
                text.Append('\u001d');
            }
            return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
        }
    }
}

/// <summary>Writes an import's planned rows (clients or programs) as the importer chose: every row or none, or the valid rows and none of the others.</summary>
internal static class PlannedImport
{
    public const string UnknownChoiceMessage = "Choose to import every row or none, or the valid rows only.";
    private const int RowsPerSave = 500;

    /// <summary>
    /// Writes each row to be added or updated with <paramref name="write"/>, in one transaction. All or nothing refuses the
    /// file when any row has an error; skipping writes the valid rows and hands back the others. Either way the file is
    /// refused when <paramref name="expectedPlan"/> is given and the rows no longer do what the preview with that
    /// <see cref="ImportPlan{TRow}.Fingerprint"/> showed. Unchanged rows are not written.
    /// </summary>
    public static async Task<ImportResult> WriteAsync<TRow>(this IAppDbContext db, ImportPlan<TRow> plan, ImportChoice choice, string? expectedPlan,
        Func<TRow, Task> write, CancellationToken ct) where TRow : IPlannedRow
    {
        var invalid = plan.Rows.Where(r => r.Errors.Count > 0).ToList();
        if (choice == ImportChoice.AllOrNothing && invalid.Count > 0)
            throw new ValidationException(ImportClients.FileField,
                $"Nothing was imported: {invalid.Count} row(s) have errors (first: row {invalid[0].RowNumber}, {invalid[0].Errors[0]}). Check the file and upload it again.");
        if (invalid.Count == plan.Rows.Count)
            throw new ValidationException(ImportClients.FileField, "Nothing was imported: no row of the file can be imported. Check the file and upload it again.");
        if (expectedPlan is not null && expectedPlan != plan.Fingerprint)
            throw new ValidationException(ImportClients.FileField,
                "Nothing was imported: the file no longer does what its preview showed, because some of its records changed meanwhile. Upload it again to see what it does now.");

        var written = plan.Rows.Where(r => r.Errors.Count == 0 && r.Action != ImportAction.Unchanged).ToList();
        await using var transaction = await db.BeginTransactionAsync(ct);
        foreach (var (row, index) in written.Select((row, index) => (row, index)))
        {
            // One transaction keeps the chosen rows all or nothing; saving as it goes and then letting go of what was saved
            // keeps each save's change set small (every save looks at everything tracked, so keeping it all would make an
            // import's time grow with the square of its rows).
            if (index > 0 && index % RowsPerSave == 0)
            {
                await db.SaveChangesAsync(ct);
                db.ForgetTrackedRecords();
            }
            await write(row);
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new ImportResult(
            written.Count(r => r.Action == ImportAction.Add), written.Count(r => r.Action == ImportAction.Update),
            plan.Rows.Count(r => r.Errors.Count == 0 && r.Action == ImportAction.Unchanged),
            new RejectedRows(plan.Headers, invalid.Select(r => new RejectedRow(r.RowNumber, r.Cells, r.Errors)).ToList()));
    }
}
