using Consultancy.Application.Common.Exceptions;
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
}

internal sealed class GetBookingSlotsHandler(BookingCalendar calendar) : IRequestHandler<GetBookingSlots, BookingSlots>
{
    public async Task<BookingSlots> Handle(GetBookingSlots request, CancellationToken ct)
    {
        var consultants = await calendar.BookableAsync(ct);
        var isAny = request.Slug == BookingSlots.AnyConsultant;
        var chosen = isAny ? consultants : consultants.Where(c => c.Slug == request.Slug).ToList();
        if (chosen.Count == 0 && !isAny) throw new NotFoundException("Booking page", request.Slug);

        // Without a zone from the visitor's browser, times show in the consultant's zone, which the page names.
        var zoneId = TimeZones.IsValidIana(request.TimeZoneId) ? request.TimeZoneId!
            : isAny ? "UTC" : chosen[0].Consultant?.TimeZoneId ?? "UTC";
        var free = await calendar.FreeAsync(chosen, null, ct);
        var days = BookableSlots.ByDay(free.Values.SelectMany(s => s).Distinct(), TimeZones.Find(zoneId));
        var callMinutes = chosen.Count == 0 ? ConsultantAvailability.DefaultCallMinutes : chosen.Min(c => c.CallMinutes);
        return new BookingSlots(isAny ? null : BookingCalendar.Describe(chosen[0]), zoneId, days, callMinutes);
    }
}
