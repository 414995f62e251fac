using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace Consultancy.Application.StrategyCalls;

/// <summary>
/// The calendar invite of a call: one UID for the life of the booking, SEQUENCE raised on every change,
/// METHOD:REQUEST while it stands and METHOD:CANCEL (STATUS:CANCELLED) once cancelled. Times are UTC.
/// </summary>
public static class CallInvites
{
    public static CalendarInvite For(StrategyCall call, Client client, UserProfile consultant, string? manageUrl, DateTime now)
    {
        var cancelled = call.Status == CallStatus.Cancelled;
        var method = cancelled ? "CANCEL" : "REQUEST";
        var description = string.Join("\n", new[]
        {
            $"Free strategy call with {consultant.DisplayName}.",
            call.MeetingLink is null ? null : $"Join: {call.MeetingLink}",
            manageUrl is null ? null : $"Cancel or pick another time: {manageUrl}",
        }.Where(line => line is not null));

        var calendarEvent = new CalendarEvent
        {
            Uid = call.Uid,
            Sequence = call.Sequence,
            DtStamp = new CalDateTime(now),
            DtStart = new CalDateTime(call.StartUtc),
            DtEnd = new CalDateTime(call.EndUtc),
            Summary = $"Strategy call: {client.FullName} and {consultant.DisplayName}",
            Description = description,
            Location = call.MeetingLink,
            Status = cancelled ? "CANCELLED" : "CONFIRMED",
            Organizer = new Organizer($"mailto:{consultant.Email}") { CommonName = consultant.DisplayName },
        };
        if (call.MeetingLink is not null && Uri.TryCreate(call.MeetingLink, UriKind.Absolute, out var link)) calendarEvent.Url = link;
        calendarEvent.Attendees.Add(new Attendee($"mailto:{client.Email}")
        {
            CommonName = client.FullName,
            Role = "REQ-PARTICIPANT",
            ParticipationStatus = "NEEDS-ACTION",
            Rsvp = !cancelled,
        });

        var calendar = new Calendar { Method = method, ProductId = "-//Consultancy//Strategy calls//EN" };
        calendar.Events.Add(calendarEvent);
        return new CalendarInvite(method, new CalendarSerializer().SerializeToString(calendar)!);
    }
}
