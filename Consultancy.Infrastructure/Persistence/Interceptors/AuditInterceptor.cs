using System.Globalization;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Consultancy.Infrastructure.Persistence.Interceptors;

/// <summary>
/// On every save: stamps clients (updated time, new concurrency version) and writes one audit entry per
/// created, changed or deleted client record, field by field, in the same transaction. The entries feed
/// the client's activity timeline.
/// </summary>
internal sealed class AuditInterceptor(ICurrentUser currentUser, TimeProvider clock) : SaveChangesInterceptor
{
    private static readonly HashSet<string> Unaudited =
        [nameof(Client.Version), nameof(Client.UpdatedAt), nameof(Client.SearchText), nameof(Client.CreatedAt), nameof(Deadline.DueAtUtc),
         nameof(Deadline.StatusChangedAt), nameof(Deadline.StatusChangedById), nameof(Deadline.DueDateEditedByHand),
         nameof(LetterRequest.StatusChangedBy), nameof(LetterRequest.DeadlineId), nameof(LetterRequest.RequestedAt), nameof(LetterRequest.ConfirmedAt),
         nameof(LetterRequest.DeclinedAt), nameof(LetterRequest.CancelledAt), nameof(LetterRequest.FollowUpsStoppedAt)];

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
            .Where(e => e.Entity is Client or ClientNote or Deadline or LetterRequest)
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
            var changes = entry.State switch
            {
                EntityState.Modified when erasing.Count > 0 => [new AuditFieldChange(nameof(Client.ErasedAt), null, Format(((Client)entry.Entity).ErasedAt))],
                EntityState.Modified => ChangedFields(entry),
                // A new deadline says what it is, so a season plan's many reads well on the timeline.
                EntityState.Added when entry.Entity is Deadline deadline =>
                    [new AuditFieldChange(nameof(Deadline.Title), null, deadline.Title), new AuditFieldChange(nameof(Deadline.DueDate), null, Format(deadline.DueDate))],
                EntityState.Added or EntityState.Deleted when entry.Entity is LetterRequest letter =>
                    [new AuditFieldChange(nameof(LetterRequest.RefereeName), null, letter.RefereeName), new AuditFieldChange(nameof(LetterRequest.System), null, letter.System.ToString())],
                _ => [],
            };
            if (entry.State == EntityState.Modified && changes.Count == 0) continue;
            if (entry is { State: EntityState.Modified, Entity: LetterRequest { StatusChangedBy: LetterActor.Referee } byReferee }
                && changes.Any(c => c.Field == nameof(LetterRequest.Status)))
                changes.Insert(0, new AuditFieldChange("ReportedBy", null, $"the referee, {byReferee.RefereeName}"));
            if (entry.State == EntityState.Modified) Stamp(entry.Entity, now);

            context.Add(new AuditEntry
            {
                EntityType = entry.Metadata.ClrType.Name,
                EntityId = entry.State == EntityState.Added ? null : KeyOf(entry),
                Client = ClientOf(entry.Entity),
                ClientId = ClientOf(entry.Entity) is null ? ClientIdOf(entry.Entity) : null,
                Action = entry.State switch
                {
                    EntityState.Added => AuditAction.Created,
                    EntityState.Deleted => AuditAction.Deleted,
                    _ => AuditAction.Updated,
                },
                At = now,
                UserId = currentUser.UserId,
                Changes = changes,
            });
        }
    }

    // The client by navigation when there is one, so a client saved in the same batch gets its key filled in.
    private static Client? ClientOf(object entity) => entity switch
    {
        Client client => client,
        ClientNote note => note.Client,
        Deadline deadline => deadline.Client,
        LetterRequest letter => letter.Client,
        _ => null,
    };

    private static int? ClientIdOf(object entity) => entity switch
    {
        ClientNote note => note.ClientId,
        Deadline deadline => deadline.ClientId,
        LetterRequest letter => letter.ClientId,
        _ => null,
    };

    private static void Stamp(object entity, DateTime now)
    {
        switch (entity)
        {
            case Client client:
                client.UpdatedAt = now;
                client.Version = Guid.NewGuid();
                break;
            case Deadline deadline:
                deadline.UpdatedAt = now;
                deadline.Version = Guid.NewGuid();
                break;
            case LetterRequest letter:
                letter.UpdatedAt = now;
                letter.Version = Guid.NewGuid();
                break;
        }
    }

    private static List<AuditFieldChange> ChangedFields(EntityEntry entry) =>
        entry.Properties
            .Where(p => p.IsModified && !Unaudited.Contains(p.Metadata.Name) && !Equals(p.OriginalValue, p.CurrentValue))
            .Select(p => new AuditFieldChange(p.Metadata.Name, Format(p.OriginalValue), Format(p.CurrentValue)))
            .ToList();

    private static string? KeyOf(EntityEntry entry) =>
        string.Join(",", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue));

    private static string? Format(object? value) => value switch
    {
        null => null,
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime instant => instant.ToString("O", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
