using Consultancy.Application.Common.Exceptions;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Application.StrategyCalls;

/// <summary>The consultant's free times an applicant can move their call to (their own call's time counts as free).</summary>
public sealed record GetMoveSlots(string Token, string? TimeZoneId) : IRequest<BookingSlots?>;

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
