using Consultancy.Application.Common;
using Consultancy.Application.Common.Exceptions;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using ValidationException = Consultancy.Application.Common.Exceptions.ValidationException;

namespace Consultancy.Application.StrategyCalls;

/// <summary>Staff move a booked call to another time on their own calendar; an updated invite goes out.</summary>
public sealed record RescheduleCall(int CallId, DateOnly? Date, TimeOnly? Time) : IRequest<Unit>;

/// <summary>Staff cancel a booked call; the applicant gets a cancellation for their calendar.</summary>
public sealed record CancelCall(int CallId) : IRequest<Unit>;

internal sealed class RescheduleCallValidator : AbstractValidator<RescheduleCall>
{
    public RescheduleCallValidator()
    {
        RuleFor(r => r.Date).NotNull().WithMessage("Choose the new date.");
        RuleFor(r => r.Time).NotNull().WithMessage("Choose the new time.");
    }
}

internal static class CallLookup
{
    /// <summary>The call with this id in the caller's caseload; anyone else's is "not found".</summary>
    public static async Task<StrategyCall> GetAsync(this DbSet<StrategyCall> calls, int id, CancellationToken ct) =>
        await calls.Include(c => c.Client).GetByIdAsync(id, ct);

    public static void EnsureCanChange(this StrategyCall call, DateTime now)
    {
        var message = call.WhyItCannotChange(now) switch
        {
            null => null,
            CallChangeRefusal.Started => "This call has already started; record its outcome instead.",
            _ => $"This call is already {call.Status.ToString().ToLowerInvariant()}; only a booked call can be changed.",
        };
        if (message is not null) throw new ValidationException("", message);
    }
}

internal sealed class RescheduleCallHandler(IAppDbContext db, ICurrentUser user, CallEmailPlanner mail, TimeProvider clock) : IRequestHandler<RescheduleCall, Unit>
{
    public async Task<Unit> Handle(RescheduleCall request, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var call = await db.StrategyCalls.GetAsync(request.CallId, ct);
        call.EnsureCanChange(now);
        var start = await db.ToUtcAsync(user, request.Date!.Value, request.Time!.Value, ct);
        if (BookableSlots.HasBegun(start, now)) throw new ValidationException(nameof(request.Date), "Choose a time in the future.");
        if (start == call.StartUtc) throw new ValidationException(nameof(request.Time), "The call is already at that time.");

        await using var transaction = await db.BeginCalendarChangeAsync(ct);
        await db.EnsureFreeAsync(call.ConsultantId, start, start + call.Length, call.Id, ct);
        call.MoveTo(start);
        await db.SaveCalendarChangeAsync(transaction, () => mail.ChangedAsync(call, now, ct),
            () => new ValidationException("Time", StaffCallTimes.OverlapMessage), ct);
        return Unit.Value;
    }
}

internal sealed class CancelCallHandler(IAppDbContext db, CallEmailPlanner mail, TimeProvider clock) : IRequestHandler<CancelCall, Unit>
{
    public async Task<Unit> Handle(CancelCall request, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var call = await db.StrategyCalls.GetAsync(request.CallId, ct);
        call.EnsureCanChange(now);
        call.Cancel(now);
        await mail.ChangedAsync(call, now, ct);
        await db.SaveChangesAsync(ct);
        return Unit.Value;
    }
}
