using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Common.Settings;
using Consultancy.Application.Domain;
using Consultancy.Application.Reminders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Consultancy.Application.Playbooks;

/// <summary>
/// Turns a season's playbook into deadlines for clients. A client gets each (season, item) at most once,
/// however often the playbook is applied; the new deadlines' reminders are planned in the same save.
/// </summary>
public sealed class PlaybookApplication(IAppDbContext db, ReminderPlanner planner, TimeProvider clock, IOptions<ReminderSettings> settings)
{
    /// <returns>How many deadlines were created.</returns>
    public async Task<int> ApplyAsync(Season season, IReadOnlyList<Client> clients, CancellationToken ct)
    {
        var items = await db.PlaybookItems.Where(i => db.Playbooks.Any(p => p.Id == i.PlaybookId && p.System == season.System)).ToListAsync(ct);
        var anchored = items.Where(i => season.KeyDate(i.AnchorKey) is not null).ToList();
        var clientIds = clients.Select(c => c.Id).ToList();
        var existing = (await db.Deadlines
                .Where(d => d.SeasonId == season.Id && d.PlaybookItemId != null && clientIds.Contains(d.ClientId))
                .Select(d => new { d.ClientId, ItemId = d.PlaybookItemId!.Value })
                .ToListAsync(ct))
            .Select(d => (d.ClientId, d.ItemId)).ToHashSet();

        var now = clock.GetUtcNow().UtcDateTime;
        var offsets = settings.Value.DefaultReminderOffsets;
        var created = new List<Deadline>();
        foreach (var client in clients)
        {
            var zone = TimeZones.Find(client.TimeZoneId);
            foreach (var item in anchored.Where(i => !existing.Contains((client.Id, i.Id))))
            {
                var deadline = Deadline.FromPlaybook(client, season, item, offsets, now);
                deadline.AnchorTo(zone);
                created.Add(deadline);
            }
        }
        if (created.Count == 0) return 0;

        // Reminder rows are keyed by deadline id: save the deadlines, then their plan, in one transaction (the
        // caller's, when it already has one, e.g. converting a lead).
        await using var transaction = await db.BeginTransactionAsync(ct);
        db.Deadlines.AddRange(created);
        await db.SaveChangesAsync(ct);
        await planner.ReplanAsync(created, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return created.Count;
    }
}
