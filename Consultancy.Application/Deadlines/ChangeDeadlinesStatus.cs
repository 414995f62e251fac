using Consultancy.Application.Common;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Common.Paging;
using Consultancy.Application.Domain;
using Consultancy.Application.Reminders;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Application.Deadlines;

/// <summary>
/// Marks a ticked selection of deadlines done, or reopens them, in one save: all change or none, and their reminders
/// are re-planned together. An id that names no deadline of the caller's caseload — deleted, or another consultant's —
/// is skipped as not found, the same answer either way, so nothing about another caseload is revealed or changed.
/// </summary>
public sealed record ChangeDeadlinesStatus(IReadOnlyList<int> DeadlineIds, DeadlineStatus Status) : IRequest<BulkChange>;

internal sealed class ChangeDeadlinesStatusValidator : AbstractValidator<ChangeDeadlinesStatus>
{
    public ChangeDeadlinesStatusValidator()
    {
        RuleFor(c => c.DeadlineIds).NotEmpty().WithMessage("Tick at least one deadline.");
        RuleFor(c => c.DeadlineIds.Count).LessThanOrEqualTo(Paging.PageSizes[^1])
            .WithMessage($"Tick at most {Paging.PageSizes[^1]} deadlines at a time.").When(c => c.DeadlineIds is not null);
        RuleFor(c => c.Status).IsInEnum().WithMessage("Choose Open, Done or Cancelled.");
    }
}

internal sealed class ChangeDeadlinesStatusHandler(IAppDbContext db, ReminderPlanner planner, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<ChangeDeadlinesStatus, BulkChange>
{
    public async Task<BulkChange> Handle(ChangeDeadlinesStatus request, CancellationToken ct)
    {
        var ids = request.DeadlineIds.Distinct().ToList();
        var deadlines = await db.Deadlines.Include(d => d.Client).Where(d => ids.Contains(d.Id)).ToListAsync(ct);
        var changing = deadlines.Where(d => d.Status != request.Status).ToList();

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var deadline in changing)
        {
            switch (request.Status)
            {
                case DeadlineStatus.Done: deadline.Complete(now, user.UserId); break;
                case DeadlineStatus.Cancelled: deadline.Cancel(now, user.UserId); break;
                default: deadline.Reopen(now, user.UserId); break;
            }
        }
        await planner.ReplanAsync(changing, ct);
        await db.SaveChangesAsync(ct);

        var already = $"already {request.Status.ToString().ToLowerInvariant()}";
        return BulkChange.Of(changing.Count,
            Enumerable.Repeat(already, deadlines.Count - changing.Count).Concat(Enumerable.Repeat(BulkChange.NotFound, ids.Count - deadlines.Count)));
    }
}
