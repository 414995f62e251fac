using Consultancy.Application.Common.Exceptions;
using Consultancy.Application.Common.Interfaces;

namespace Consultancy.Application.Clients.Import;

/// <summary>A row an import planned: its place in the file, what importing it does, and what stops it.</summary>
internal interface IPlannedRow
{
    int RowNumber { get; }
    List<string> Errors { get; }
    ImportAction Action { get; }
}

/// <summary>Writes an import's planned rows (clients or programs): every one of them in one transaction, or none.</summary>
internal static class AllOrNothingImport
{
    private const int RowsPerSave = 500;

    /// <summary>Refuses the whole file when any row has an error; otherwise writes each row with <paramref name="write"/> and commits.</summary>
    public static async Task<ImportResult> WriteAsync<TRow>(this IAppDbContext db, IReadOnlyList<TRow> rows, Func<TRow, Task> write, CancellationToken ct)
        where TRow : IPlannedRow
    {
        var invalid = rows.Where(r => r.Errors.Count > 0).ToList();
        if (invalid.Count > 0)
            throw new ValidationException(ImportClients.FileField,
                $"Nothing was imported: {invalid.Count} row(s) have errors (first: row {invalid[0].RowNumber}, {invalid[0].Errors[0]}). Check the file and upload it again.");

        await using var transaction = await db.BeginTransactionAsync(ct);
        foreach (var (row, index) in rows.Select((row, index) => (row, index)))
        {
            // One transaction keeps it all or nothing; saving as it goes and then letting go of what was saved keeps
            // each save's change set small (every save looks at everything tracked, so keeping it all would make an
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
        return new ImportResult(rows.Count(r => r.Action == ImportAction.Add), rows.Count(r => r.Action == ImportAction.Update));
    }
}
