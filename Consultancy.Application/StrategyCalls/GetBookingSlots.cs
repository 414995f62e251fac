using Consultancy.Application.Domain;
using MediatR;

namespace Consultancy.Application.StrategyCalls;

/// <summary>
/// A booking page's free slots grouped by day in the visitor's time zone. <see cref="Slug"/> "any" means the
/// first available consultant: every bookable consultant's slots together.
/// </summary>
public sealed record GetBookingSlots(string Slug, string? TimeZoneId) : IRequest<BookingSlots>;

public sealed record BookingSlots(BookableConsultant? Consultant, string TimeZoneId, IReadOnlyList<SlotDay> Days, int CallMinutes)
{
    public const string AnyConsultant = "any";
    public bool IsAnyConsultant => Consultant is null;
    /// <summary>Why the call being moved has no times to move to: it can no longer change. A full calendar leaves this null.</summary>
    public string? WhyNoTimes { get; init; }
}

internal sealed class GetBookingSlotsHandler(BookingCalendar calendar) : IRequestHandler<GetBookingSlots, BookingSlots>
{
    public async Task<BookingSlots> Handle(GetBookingSlots request, CancellationToken ct)
    {
        var chosen = await calendar.ForPageAsync(request.Slug, ct);
        var isAny = request.Slug == BookingSlots.AnyConsultant;
        var zoneId = BookingCalendar.VisitorZone(request.TimeZoneId, isAny ? null : chosen[0]);
        var free = await calendar.FreeAsync(chosen, null, ct);
        var days = BookableSlots.ByDay(free.Values.SelectMany(s => s).Distinct(), TimeZones.Find(zoneId));
        var callMinutes = chosen.Count == 0 ? ConsultantAvailability.DefaultCallMinutes : chosen.Min(c => c.CallMinutes);
        return new BookingSlots(isAny ? null : BookingCalendar.Describe(chosen[0]), zoneId, days, callMinutes);
    }
}
