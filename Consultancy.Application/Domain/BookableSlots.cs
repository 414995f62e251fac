namespace Consultancy.Application.Domain;

/// <summary>A stretch of a consultant's calendar already taken, as UTC instants.</summary>
public sealed record BusyTime(DateTime StartUtc, DateTime EndUtc);

/// <summary>Free slots on one day of the visitor's calendar, as UTC instants.</summary>
public sealed record SlotDay(DateOnly Date, IReadOnlyList<DateTime> StartsUtc);

/// <summary>
/// The free call slots a consultant offers: their weekly hours (with overrides and time off) on their own
/// calendar, turned into UTC instants day by day so daylight-saving changes fall where they really do, then
/// cut by the minimum notice, the booking horizon, and existing calls widened by the buffer.
/// </summary>
public sealed class BookableSlots(TimeProvider clock)
{
    /// <summary>
    /// A call starting at or before <paramref name="now"/> has begun: its time is no longer offered, and once booked
    /// it is no longer the applicant's to move or cancel (<see cref="StrategyCall.WhyItCannotChange"/>).
    /// </summary>
    public static bool HasBegun(DateTime startUtc, DateTime now) => startUtc <= now;

    public IReadOnlyList<DateTime> Free(ConsultantAvailability availability, TimeZoneInfo consultantZone, IEnumerable<BusyTime> busy)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var earliest = now + TimeSpan.FromHours(availability.MinimumNoticeHours);
        var latest = now + TimeSpan.FromDays(availability.HorizonDays);
        var length = availability.CallLength;
        var buffer = availability.Buffer;
        var taken = busy.ToList();
        var slots = new SortedSet<DateTime>();

        for (var date = LocalTimes.Today(now, consultantZone); date <= LocalTimes.Today(latest, consultantZone); date = date.AddDays(1))
        {
            foreach (var range in availability.RangesOn(date))
            {
                var rangeEnd = range.End == TimeOnly.MaxValue
                    ? LocalTimes.ToUtc(date.AddDays(1).ToDateTime(TimeOnly.MinValue), consultantZone)
                    : LocalTimes.ToUtc(date.ToDateTime(range.End), consultantZone);
                // Stepping in UTC, not wall time: on a fall-back night the repeated hour offers its slots twice, as it should.
                for (var start = LocalTimes.ToUtc(date.ToDateTime(range.Start), consultantZone); start + length <= rangeEnd; start += length)
                {
                    if (HasBegun(start, now) || start < earliest || start > latest) continue;
                    var end = start + length;
                    if (taken.Any(b => start < b.EndUtc + buffer && end + buffer > b.StartUtc)) continue;
                    slots.Add(start);
                }
            }
        }
        return slots.ToList();
    }

    /// <summary>Slots grouped by the day they fall on in the visitor's time zone.</summary>
    public static IReadOnlyList<SlotDay> ByDay(IEnumerable<DateTime> startsUtc, TimeZoneInfo visitorZone) =>
        startsUtc.Order()
            .GroupBy(s => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(s, visitorZone)))
            .Select(g => new SlotDay(g.Key, g.ToList()))
            .ToList();
}
