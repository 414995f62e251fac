using Consultancy.Application.Common.Exceptions;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Application.Common;

/// <summary>Edits saved only over the version of a record the user started from.</summary>
public static class VersionedEdits
{
    /// <summary>
    /// Applies an edit made on a form that showed <paramref name="formVersion"/> of <paramref name="record"/>, and
    /// saves it. When someone saved the record since — before this edit, or in a save that crossed it — nothing is
    /// saved and <see cref="ConcurrencyException"/> carries the record as it is now (<paramref name="current"/>), so
    /// the user sees both versions side by side.
    /// </summary>
    public static async Task SaveEditAsync<TRecord>(this IAppDbContext db, TRecord record, Guid formVersion, Func<Task> applyEdit,
        Func<Task<object>> current, CancellationToken ct) where TRecord : IVersioned =>
        await db.SaveEditAsync(typeof(TRecord).Name, record.Version, formVersion, applyEdit, current, ct);

    /// <summary>
    /// The same for a record that is not a client's (so not stamped by the audit): <paramref name="recordVersion"/> is
    /// the version loaded, and <paramref name="applyEdit"/> renews the record's concurrency token itself.
    /// </summary>
    public static async Task SaveEditAsync(this IAppDbContext db, string recordName, Guid recordVersion, Guid formVersion, Func<Task> applyEdit,
        Func<Task<object>> current, CancellationToken ct)
    {
        if (recordVersion != formVersion) throw new ConcurrencyException(recordName, await current());
        await applyEdit();
        if (!await db.SaveUnlessCrossedAsync(ct)) throw new ConcurrencyException(recordName, await current());
    }

    /// <summary>Saves, or answers false (and saves nothing) when another save changed a versioned record first.</summary>
    public static async Task<bool> SaveUnlessCrossedAsync(this IAppDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }
}
