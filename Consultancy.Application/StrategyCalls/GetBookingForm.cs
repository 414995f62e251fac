using Consultancy.Application.Domain;
using MediatR;

namespace Consultancy.Application.StrategyCalls;

/// <summary>
/// The details form for a time picked on a booking page, once the time passes the rules the slot list offers
/// times by; a link to any other time is refused with the reason.
/// </summary>
public sealed record GetBookingForm(string Slug, DateTime StartUtc, string? TimeZoneId) : IRequest<BookCall>;

internal sealed class GetBookingFormHandler(BookingCalendar calendar) : IRequestHandler<GetBookingForm, BookCall>
{
    public async Task<BookCall> Handle(GetBookingForm request, CancellationToken ct)
    {
        var chosen = await calendar.ForPageAsync(request.Slug, ct);
        var start = DateTime.SpecifyKind(request.StartUtc, DateTimeKind.Utc);
        var refusals = await calendar.WhyNotBookableAsync(chosen, start, null, ct);
        if (!refusals.ContainsValue(null)) throw new SlotRefusedException(SlotRefusal.Nearest(refusals.Values));

        var consultant = request.Slug == BookingSlots.AnyConsultant ? null : chosen[0];
        return new BookCall
        {
            Slug = request.Slug,
            StartUtc = start,
            TimeZoneId = BookingCalendar.VisitorZone(request.TimeZoneId, consultant),
            ConsultantName = consultant?.PublicName,
        };
    }
}
