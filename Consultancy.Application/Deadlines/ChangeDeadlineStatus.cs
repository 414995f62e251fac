using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using Consultancy.Application.Reminders;
using FluentValidation;
using MediatR;

namespace Consultancy.Application.Deadlines;

/// <summary>Completes, cancels or reopens a deadline; its pending reminders are cancelled or planned again.</summary>
public sealed record ChangeDeadlineStatus(int DeadlineId, DeadlineStatus Status) : IRequest<Unit>;

internal sealed class ChangeDeadlineStatusValidator : AbstractValidator<ChangeDeadlineStatus>
{
    public ChangeDeadlineStatusValidator() => RuleFor(c => c.Status).IsInEnum().WithMessage("Choose Open, Done or Cancelled.");
}

internal sealed class ChangeDeadlineStatusHandler(IAppDbContext db, ReminderPlanner planner, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<ChangeDeadlineStatus, Unit>
{
    public async Task<Unit> Handle(ChangeDeadlineStatus request, CancellationToken ct)
    {
        var deadline = await db.Deadlines.GetWithClientAsync(request.DeadlineId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        switch (request.Status)
        {
            case DeadlineStatus.Done: deadline.Complete(now, user.UserId); break;
            case DeadlineStatus.Cancelled: deadline.Cancel(now, user.UserId); break;
            default: deadline.Reopen(now, user.UserId); break;
        }
        await planner.ReplanAsync([deadline], ct);
        await db.SaveChangesAsync(ct);
        return Unit.Value;
    }
}
