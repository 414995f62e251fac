using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Common.Mapping;
using Consultancy.Application.Common.Settings;
using Consultancy.Application.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Consultancy.Application.Reminders;

/// <summary>
/// Keeps each deadline's reminder rows in the outbox in step with the deadline and its client: one row
/// per offset (its dedup key), due at the send hour in the client's zone, or for an offset in hours that long before
/// the due time. Pending rows are moved or cancelled; sent rows are never touched. Callers save, so the plan lands with the change that caused it.
/// </summary>
public sealed class ReminderPlanner(IAppDbContext db, TimeProvider clock, IOptions<ReminderSettings> settings)
{
    /// <summary>Re-plans every deadline of a client whose email, time zone, opt-out or archiving changed.</summary>
    /// <param name="client">Loaded by the caller through the caseload rule (or a signed token), so its deadlines may be read past it.</param>
    public async Task ReplanClientAsync(Client client, CancellationToken ct) =>
        await ReplanAsync(await db.Deadlines.IgnoreQueryFilters().Where(d => d.ClientId == client.Id).ToListAsync(ct), ct);

    /// <param name="deadlines">Saved deadlines (they have ids), with their <see cref="Deadline.Client"/> loaded.</param>
    public async Task ReplanAsync(IReadOnlyCollection<Deadline> deadlines, CancellationToken ct)
    {
        if (deadlines.Count == 0) return;
        var now = clock.GetUtcNow().UtcDateTime;
        var ids = deadlines.Select(d => d.Id).ToList();
        var existing = (await db.OutboxMessages
                .Where(m => m.Kind == OutboxKind.Reminder && m.DeadlineId != null && ids.Contains(m.DeadlineId.Value))
                .ToListAsync(ct))
            .ToDictionary(m => m.DedupKey);
        var byDeadline = existing.Values.ToLookup(m => m.DeadlineId);

        foreach (var deadline in deadlines)
        {
            var client = deadline.Client ?? throw new InvalidOperationException("Load the deadline's client before planning.");
            var zone = TimeZones.Find(client.TimeZoneId);
            deadline.AnchorTo(zone);
            var (wanted, reason) = Wanted(deadline, client, zone);

            foreach (var offset in deadline.ReminderOffsets.Items.Union(wanted.Keys))
            {
                var key = OutboxMessage.ReminderKey(deadline.Id, offset);
                existing.TryGetValue(key, out var row);
                // Sent is history; failed and hand-cancelled rows wait for a person's retry, not a re-plan.
                if (row is { Status: OutboxStatus.Sent or OutboxStatus.Failed } or { CancelledByHand: true }) continue;
                if (IsLeased(row, now))
                {
                    // A dispatcher holds it: whether it still goes out (status, offsets, opt-out) is decided by the
                    // dispatcher's own check before each attempt, so only the new time and address are taken — for a
                    // retry after a failed attempt, or a take-over after a crash.
                    if (wanted.TryGetValue(offset, out var movedTo) && movedTo >= now)
                    {
                        row!.Recipient = client.Email;
                        row.Reschedule(movedTo);
                    }
                    continue;
                }

                if (!wanted.TryGetValue(offset, out var dueAt))
                    row?.CancelBecause(reason ?? "no longer planned");
                else if (dueAt < now)
                {
                    if (row is not null && row.DueAt != dueAt) row.CancelBecause("its time had passed when the deadline changed");
                }
                else if (row is null)
                    db.OutboxMessages.Add(OutboxMessage.Reminder(deadline, offset, client.Email, dueAt, now));
                else if (!row.IsPending || row.DueAt != dueAt || row.Recipient != client.Email)
                {
                    row.Recipient = client.Email;
                    row.Reschedule(dueAt);
                }
            }

            foreach (var row in byDeadline[deadline.Id].Where(r => r.ReminderOffset is { } offset && !deadline.ReminderOffsets.Contains(offset)))
                if (row.Status != OutboxStatus.Sent && !IsLeased(row, now)) row.CancelBecause("its offset was removed");
        }
    }

    private (Dictionary<ReminderOffset, DateTime> Wanted, string? WhyNone) Wanted(Deadline deadline, Client client, TimeZoneInfo zone)
    {
        if (WhyNoReminders(deadline, client) is { } whyNone) return ([], whyNone);

        var sendHour = settings.Value.SendHour;
        var dueMoment = LocalTimes.ToUtc(deadline.DueDate.ToDateTime(deadline.DueTime ?? sendHour), zone);
        return (deadline.ReminderOffsets.Items.ToDictionary(
            offset => offset,
            offset => offset.InHours
                ? dueMoment.AddHours(-offset.Amount)
                : LocalTimes.ToUtc(deadline.DueDate.AddDays(-offset.Amount).ToDateTime(sendHour), zone)), null);
    }

    /// <summary>Why a deadline gets no reminders at all (as its cancelled rows say in the outbox), or null while it should get them.</summary>
    public static string? WhyNoReminders(Deadline deadline, Client client) => deadline.Status switch
    {
        DeadlineStatus.Done => "the deadline was completed",
        DeadlineStatus.Cancelled => "the deadline was cancelled",
        _ => client.RemindersOptedOut ? "the client opted out of reminders"
            : client.IsArchived ? "the client was archived"
            : client.IsInEndStage ? StageReason(client.Stage)
            : null,
    };

    /// <summary>Why a client in one of <see cref="Client.EndStages"/> is sent nothing, as the outbox shows it.</summary>
    public static string StageReason(ClientStage stage) => $"the client is {stage.DisplayName().ToLowerInvariant()}";

    /// <summary>A dispatcher holds it right now; it checks the deadline itself before each attempt.</summary>
    private static bool IsLeased(OutboxMessage? row, DateTime now) => row?.LockedUntil is { } until && until > now;
}
