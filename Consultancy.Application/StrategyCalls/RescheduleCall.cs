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

internal sealed class RescheduleCallValidator : AbstractValidator<RescheduleCall>
{
    public RescheduleCallValidator()
    {
        RuleFor(r => r.Date).NotNull().WithMessage("Choose the new date.");
        RuleFor(r => r.Time).NotNull().WithMessage("Choose the new time.");
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
