using Consultancy.Application.Common;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using FluentValidation;
using MediatR;
using ValidationException = Consultancy.Application.Common.Exceptions.ValidationException;

namespace Consultancy.Application.StrategyCalls;

/// <summary>After the call: completed, no-show or cancelled, with the consultant's notes.</summary>
public sealed record RecordCallOutcome(int CallId, CallStatus Status, string? Notes) : IRequest<Unit>;

internal sealed class RecordCallOutcomeValidator : AbstractValidator<RecordCallOutcome>
{
    public RecordCallOutcomeValidator()
    {
        RuleFor(r => r.Status).IsInEnum().NotEqual(CallStatus.Booked).WithMessage("Choose completed, no-show or cancelled.");
        RuleFor(r => r.Notes).NoControlCharacters().MaximumLength(4000).WithMessage("Keep the notes under 4,000 characters.");
    }
}

internal sealed class RecordCallOutcomeHandler(IAppDbContext db, CallEmailPlanner mail, TimeProvider clock) : IRequestHandler<RecordCallOutcome, Unit>
{
    public async Task<Unit> Handle(RecordCallOutcome request, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var call = await db.StrategyCalls.GetAsync(request.CallId, ct);
        if (call.WhyNoOutcome(request.Status, now) is { } reason) throw new ValidationException(nameof(request.Status), reason);
        var cancelsCallAhead = request.Status == CallStatus.Cancelled && call.Status == CallStatus.Booked && call.StartUtc > now;
        call.RecordOutcome(request.Status, request.Notes, now);
        // Cancelling a call still ahead tells the applicant; after its time, nothing new goes out.
        if (cancelsCallAhead) await mail.ChangedAsync(call, now, ct);
        await db.SaveChangesAsync(ct);
        return Unit.Value;
    }
}
