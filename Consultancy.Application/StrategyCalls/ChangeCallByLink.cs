using Consultancy.Application.Common.Exceptions;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Application.StrategyCalls;

/// <summary>The applicant cancels their call through the manage link in their confirmation.</summary>
public sealed record CancelCallByLink(string Token) : IRequest<Unit>;

/// <summary>The applicant moves their call to another free time of the same consultant.</summary>
public sealed record MoveCallByLink(string Token, DateTime StartUtc) : IRequest<Unit>;

/// <summary>The consultant's free times an applicant can move their call to (their own call's time counts as free).</summary>
public sealed record GetMoveSlots(string Token, string? TimeZoneId) : IRequest<BookingSlots?>;

internal sealed class CancelCallByLinkHandler(IAppDbContext db, IBookingLinks links, CallEmailPlanner mail, TimeProvider clock) : IRequestHandler<CancelCallByLink, Unit>
{
    public async Task<Unit> Handle(CancelCallByLink request, CancellationToken ct)
    {
        var call = await db.ManagedCallAsync(links, request.Token, ct) ?? throw new NotFoundException("Manage link", "(invalid)");
        var now = clock.GetUtcNow().UtcDateTime;
        if (call.WhyApplicantCannotChange(now) is { } reason) throw new ValidationException("", reason);
        call.Cancel(now);
        await mail.ChangedAsync(call, now, ct);
        await db.SaveChangesAsync(ct);
        return Unit.Value;
    }
}

internal sealed class GetMoveSlotsHandler(IAppDbContext db, IBookingLinks links, BookingCalendar calendar, TimeProvider clock)
    : IRequestHandler<GetMoveSlots, BookingSlots?>
{
    public async Task<BookingSlots?> Handle(GetMoveSlots request, CancellationToken ct)
    {
        var call = await db.ManagedCallAsync(links, request.Token, ct);
        if (call is null) return null;
        var consultant = (await calendar.BookableAsync(ct)).SingleOrDefault(c => c.ConsultantId == call.ConsultantId)
            ?? throw new NotFoundException("Booking page", call.ConsultantId);
        var zoneId = TimeZones.IsValidIana(request.TimeZoneId) ? request.TimeZoneId! : call.Client!.TimeZoneId;
        if (call.WhyApplicantCannotChange(clock.GetUtcNow().UtcDateTime) is { } reason)
            return new BookingSlots(BookingCalendar.Describe(consultant), zoneId, [], consultant.CallMinutes) { WhyNoTimes = reason };
        var free = await calendar.FreeAsync([consultant], call.Id, ct);
        var days = BookableSlots.ByDay(free[consultant.ConsultantId].Where(s => s != call.StartUtc), TimeZones.Find(zoneId));
        return new BookingSlots(BookingCalendar.Describe(consultant), zoneId, days, consultant.CallMinutes);
    }
}

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
