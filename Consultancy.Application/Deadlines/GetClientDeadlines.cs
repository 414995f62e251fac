using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Application.Deadlines;

/// <summary>A client's deadlines, soonest first, each with its planned and sent reminders.</summary>
public sealed record GetClientDeadlines(int ClientId) : IRequest<IReadOnlyList<ClientDeadline>>;

public sealed record ClientDeadline(
    int Id, string Title, DeadlineCategory Category, DateOnly DueDate, TimeOnly? DueTime, DateTime DueAtUtc,
    DeadlineStatus Status, string? Notes, bool IsOverdue, IReadOnlyList<PlannedReminder> Reminders);

public sealed record PlannedReminder(long Id, ReminderOffset? Offset, DateTime DueAt, OutboxStatus Status, DateTime? SentAt, string? CancelReason);

internal sealed class GetClientDeadlinesHandler(IAppDbContext db, TimeProvider clock)
    : IRequestHandler<GetClientDeadlines, IReadOnlyList<ClientDeadline>>
{
    public async Task<IReadOnlyList<ClientDeadline>> Handle(GetClientDeadlines request, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var deadlines = await db.Deadlines.AsNoTracking().Where(d => d.ClientId == request.ClientId)
            .OrderBy(d => d.Status).ThenBy(d => d.DueAtUtc).ThenBy(d => d.Id)
            .ToListAsync(ct);
        var ids = deadlines.Select(d => d.Id).ToList();
        var reminders = (await db.OutboxMessages.AsNoTracking()
                .Where(m => m.DeadlineId != null && ids.Contains(m.DeadlineId.Value))
                .OrderBy(m => m.DueAt)
                .ToListAsync(ct))
            .ToLookup(m => m.DeadlineId);

        return deadlines.Select(d => new ClientDeadline(d.Id, d.Title, d.Category, d.DueDate, d.DueTime, d.DueAtUtc, d.Status, d.Notes,
                d.IsOverdue(now),
                reminders[d.Id].Select(m => new PlannedReminder(m.Id, m.ReminderOffset, m.DueAt, m.Status, m.SentAt, m.CancelReason)).ToList()))
            .ToList();
    }
}
