using Consultancy.Application.Common.Exceptions;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Application.StrategyCalls;

/// <summary>The applicant moves their call to another free time of the same consultant.</summary>
public sealed record MoveCallByLink(string Token, DateTime StartUtc) : IRequest<Unit>;

internal sealed class MoveCallByLinkHandler(IAppDbContext db, IBookingLinks links, BookingCalendar calendar, CallEmailPlanner mail, TimeProvider clock)
    : IRequestHandler<MoveCallByLink, Unit>
{
    public async Task<Unit> Handle(MoveCallByLink request, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var start = DateTime.SpecifyKind(request.StartUtc, DateTimeKind.Utc);
        // The same serialised check as a new booking: see BookCall.
        await using var transaction = await db.BeginCalendarChangeAsync(ct);
        var call = await db.ManagedCallAsync(links, request.Token, ct) ?? throw new NotFoundException("Manage link", "(invalid)");
        if (call.WhyApplicantCannotChange(now) is { } reason) throw new ValidationException("", reason);
        if (start == call.StartUtc) return Unit.Value;
        var consultant = (await calendar.BookableAsync(ct)).SingleOrDefault(c => c.ConsultantId == call.ConsultantId)
            ?? throw new NotFoundException("Booking page", call.ConsultantId);
        var refusal = (await calendar.WhyNotBookableAsync([consultant], start, call.Id, ct))[consultant.ConsultantId];
        if (refusal is not null) throw new SlotRefusedException(refusal);

        call.MoveTo(start);
        await db.SaveCalendarChangeAsync(transaction, () => mail.ChangedAsync(call, now, ct), () => new SlotRefusedException(SlotRefusal.Taken), ct);
        return Unit.Value;
    }
}
