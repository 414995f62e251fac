using Consultancy.Application.Common.Exceptions;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Application.CalendarFeeds;

/// <summary>
/// A consultant's private calendar feed (iCalendar), for subscribing from Google Calendar or Outlook: the calls they
/// run from a month back on, and their clients' open deadlines. The token in the address is the only key, so an
/// unknown, reset or deactivated consultant's token is simply not found.
/// </summary>
public sealed record GetCalendarFeed(string Token) : IRequest<string>;

internal sealed class GetCalendarFeedHandler(IAppDbContext db, TimeProvider clock) : IRequestHandler<GetCalendarFeed, string>
{
    public const int CallDaysBack = 30;
    /// <summary>Bounds a feed that calendar apps poll every few hours.</summary>
    public const int MaxEvents = 2000;

    public async Task<string> Handle(GetCalendarFeed request, CancellationToken ct)
    {
        var consultant = string.IsNullOrWhiteSpace(request.Token) ? null
            : await db.UserProfiles.AsNoTracking().SingleOrDefaultAsync(u => u.CalendarFeedToken == request.Token && u.IsActive, ct);
        if (consultant is null) throw new NotFoundException("Calendar feed", "(token)");

        var now = clock.GetUtcNow().UtcDateTime;
        var since = now.AddDays(-CallDaysBack);
        // Nobody is signed in here: the token names the consultant, and these conditions are their caseload.
        var calls = await db.StrategyCalls.IgnoreQueryFilters().AsNoTracking()
            .Where(c => c.ConsultantId == consultant.Id && c.Status != CallStatus.Cancelled && c.StartUtc >= since)
            .OrderBy(c => c.StartUtc).Take(MaxEvents)
            .Select(c => new { c.Uid, c.StartUtc, c.EndUtc, c.Topic, c.MeetingLink, ClientName = c.Client!.FirstName + " " + c.Client.LastName })
            .ToListAsync(ct);
        var deadlines = await db.Deadlines.IgnoreQueryFilters().AsNoTracking()
            .Where(d => d.Client!.ConsultantId == consultant.Id && !d.Client.IsArchived && d.Status == DeadlineStatus.Open)
            .OrderBy(d => d.DueAtUtc).Take(MaxEvents)
            .Select(d => new { d.Id, d.Title, d.DueDate, d.DueTime, d.DueAtUtc, d.Notes, ClientName = d.Client!.FirstName + " " + d.Client.LastName })
            .ToListAsync(ct);

        var calendar = new Ical.Net.Calendar { ProductId = "-//Consultancy//Calendar feed//EN" };
        calendar.AddProperty("X-WR-CALNAME", $"Consultancy: {consultant.DisplayName}");
        var stamp = new CalDateTime(now);
        foreach (var call in calls)
            calendar.Events.Add(new CalendarEvent
            {
                Uid = call.Uid,
                DtStamp = stamp,
                DtStart = new CalDateTime(call.StartUtc),
                DtEnd = new CalDateTime(call.EndUtc),
                Summary = $"Strategy call: {call.ClientName}",
                Description = call.Topic,
                Location = call.MeetingLink,
            });
        foreach (var deadline in deadlines)
        {
            var calendarEvent = new CalendarEvent
            {
                Uid = $"deadline-{deadline.Id}@consultancy",
                DtStamp = stamp,
                Summary = $"Due: {deadline.Title} ({deadline.ClientName})",
                Description = deadline.Notes,
            };
            if (deadline.DueTime is null)
            {
                // A date without a time is a whole day in the calendar, not an instant in anyone's zone.
                calendarEvent.DtStart = new CalDateTime(deadline.DueDate);
                calendarEvent.DtEnd = new CalDateTime(deadline.DueDate.AddDays(1));
            }
            else
            {
                calendarEvent.DtStart = new CalDateTime(deadline.DueAtUtc);
                calendarEvent.DtEnd = new CalDateTime(deadline.DueAtUtc.AddMinutes(30));
            }
            calendar.Events.Add(calendarEvent);
        }
        return new CalendarSerializer().SerializeToString(calendar)!;
    }
}
