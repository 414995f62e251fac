using System.Reflection;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Consultancy.Infrastructure.Persistence.Interceptors;

/// <summary>
/// On every save: writes one audit entry per created, changed or deleted audited record (<see cref="IAudited"/>), field
/// by field, in the same transaction, and stamps a changed versioned one (<see cref="IVersioned"/>: updated time, new
/// concurrency version). The entries feed the client's activity timeline.
/// </summary>
internal sealed class AuditInterceptor(ICurrentUser currentUser, TimeProvider clock) : SaveChangesInterceptor
{
    /// <summary>Stamps every record may carry; fields of a record's own bookkeeping are marked <see cref="NotAuditedAttribute"/>.</summary>
    private static readonly HashSet<string> Unaudited = [nameof(IVersioned.Version), nameof(IVersioned.UpdatedAt), "CreatedAt"];

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken ct = default)
    {
        if (eventData.Context is { } context) Audit(context);
        return base.SavingChangesAsync(eventData, result, ct);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context) Audit(context);
        return base.SavingChanges(eventData, result);
    }

    private void Audit(DbContext context)
    {
        context.ChangeTracker.DetectChanges();
        var now = clock.GetUtcNow().UtcDateTime;
        var entries = context.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Where(e => e.Entity is IAudited)
            .ToList();
        // Erasing a client must not copy the values it removes into the history: a save that erases a client records
        // only that, not the records it anonymised or the mentions it redacted elsewhere.
        var erasing = entries
            .Where(e => e is { State: EntityState.Modified, Entity: Client { IsErased: true } } && e.Property(nameof(Client.ErasedAt)).OriginalValue is null)
            .Select(e => ((Client)e.Entity).Id)
            .ToHashSet();

        foreach (var entry in entries)
        {
            if (erasing.Count > 0 && !(entry.Entity is Client client && erasing.Contains(client.Id))) continue;
            var record = (IAudited)entry.Entity;
            var action = entry.State switch
            {
                EntityState.Added => AuditAction.Created,
                EntityState.Deleted => AuditAction.Deleted,
                _ => AuditAction.Updated,
            };
            var changes = entry.State switch
            {
                EntityState.Modified when erasing.Count > 0 => [new AuditFieldChange(nameof(Client.ErasedAt), null, AuditFieldChange.Format(((Client)record).ErasedAt))],
                EntityState.Modified => ChangedFields(entry),
                _ => [],
            };
            // Described before the test for "nothing changed": a record may add a change its own columns do not hold (the
            // programs a letter goes to), which makes the update an entry of its own.
            if (erasing.Count == 0) record.DescribeForTimeline(action, changes);
            if (entry.State == EntityState.Modified && changes.Count == 0) continue;
            if (entry.State == EntityState.Modified && record is IVersioned versioned)
            {
                versioned.UpdatedAt = now;
                versioned.Version = Guid.NewGuid();
            }

            context.Add(new AuditEntry
            {
                EntityType = entry.Metadata.ClrType.Name,
                EntityId = entry.State == EntityState.Added ? null : KeyOf(entry),
                // The client by navigation when there is one, so a client saved in the same batch gets its key filled in.
                Client = record.Client,
                ClientId = record.Client is null ? record.ClientId : null,
                Action = action,
                At = now,
                UserId = currentUser.UserId,
                Changes = changes,
            });
        }
    }

    private static List<AuditFieldChange> ChangedFields(EntityEntry entry) =>
        entry.Properties
            .Where(p => p.IsModified && !Unaudited.Contains(p.Metadata.Name) && p.Metadata.PropertyInfo?.IsDefined(typeof(NotAuditedAttribute)) != true
                && !Equals(p.OriginalValue, p.CurrentValue))
            .Select(p => new AuditFieldChange(p.Metadata.Name, AuditFieldChange.Format(p.OriginalValue), AuditFieldChange.Format(p.CurrentValue)))
            .ToList();

    private static string? KeyOf(EntityEntry entry) =>
        string.Join(",", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue));
}
