namespace Consultancy.Application.Domain;

/// <summary>A stretch of a consultant's calendar already taken, as UTC instants.</summary>
public sealed record BusyTime(DateTime StartUtc, DateTime EndUtc);

/// <summary>Free slots on one day of the visitor's calendar, as UTC instants.</summary>
public sealed record SlotDay(DateOnly Date, IReadOnlyList<DateTime> StartsUtc);

/// <summary>
/// Why a start time is not bookable, nearest to bookable first: when several consultants refuse one time (the
/// "first available" page), the nearest reason is the one worth telling. Only <see cref="Taken"/> means another
/// call holds the time; every other reason is a rule of the offer.
/// </summary>
public enum SlotRefusalReason
{
    Taken,
    UnderNotice,
    BeyondHorizon,
    BetweenSlots,
    OutsideHours,
    InThePast,
}

/// <summary>Why a start time is not bookable, in words for the person who chose it.</summary>
public sealed record SlotRefusal(SlotRefusalReason Reason, string Message)
{
    public static SlotRefusal Taken { get; } = new(SlotRefusalReason.Taken, "That time was just taken. Please choose another one.");
    public static SlotRefusal InThePast { get; } = new(SlotRefusalReason.InThePast, "That time has already passed. Please choose a time ahead.");
    public static SlotRefusal OutsideHours { get; } =
        new(SlotRefusalReason.OutsideHours, "That time is outside the hours calls are offered. Please choose one of the times shown.");

    public static SlotRefusal UnderNotice(int hours) => new(SlotRefusalReason.UnderNotice,
        $"Calls need at least {hours} {(hours == 1 ? "hour's" : "hours'")} notice, so that time is too soon. Please choose a later one.");

    public static SlotRefusal BeyondHorizon(int days) => new(SlotRefusalReason.BeyondHorizon,
        $"Calls can be booked at most {days} {(days == 1 ? "day" : "days")} ahead, so that time is too far off. Please choose an earlier one.");

    public static SlotRefusal BetweenSlots(int callMinutes) => new(SlotRefusalReason.BetweenSlots,
        $"That time is not one of the start times offered: calls start every {callMinutes} minutes. Please choose one of the times shown.");

    /// <summary>What to tell someone every consultant refused: the nearest refusal. With nobody taking bookings, no time is inside anyone's hours.</summary>
    public static SlotRefusal Nearest(IEnumerable<SlotRefusal?> refusals) =>
        refusals.OfType<SlotRefusal>().MinBy(r => r.Reason) ?? OutsideHours;
}

/// <summary>
/// The free call slots a consultant offers: their weekly hours (with overrides and time off) on their own
/// calendar, turned into UTC instants day by day so daylight-saving changes fall where they really do, then
/// cut by the minimum notice, the booking horizon, and existing calls widened by the buffer. The slot list and
/// the check of a posted time are the same rules, so a refusal always names why the list did not offer it.
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
        var taken = busy.ToList();
        var lastDay = LocalTimes.Today(now + TimeSpan.FromDays(availability.HorizonDays), consultantZone);
        // Every candidate is a start on the grid of the hours, so only the time window and other calls remain to check.
        return OpenHours(availability, consultantZone, LocalTimes.Today(now, consultantZone), lastDay)
            .SelectMany(hours => hours.Starts(availability.CallLength))
            .Where(start => (OutsideWindow(availability, start, now) ?? Overlapping(availability, start, taken)) is null)
            .Distinct().Order().ToList();
    }

    /// <summary>Why <see cref="Free"/> does not offer <paramref name="startUtc"/>, or null when it does.</summary>
    public SlotRefusal? WhyNotBookable(ConsultantAvailability availability, TimeZoneInfo consultantZone, IEnumerable<BusyTime> busy, DateTime startUtc)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return OutsideWindow(availability, startUtc, now)
            ?? OffTheGrid(availability, consultantZone, startUtc)
            ?? Overlapping(availability, startUtc, busy.ToList());
    }

    /// <summary>Slots grouped by the day they fall on in the visitor's time zone.</summary>
    public static IReadOnlyList<SlotDay> ByDay(IEnumerable<DateTime> startsUtc, TimeZoneInfo visitorZone) =>
        startsUtc.Order()
            .GroupBy(s => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(s, visitorZone)))
            .Select(g => new SlotDay(g.Key, g.ToList()))
            .ToList();

    private static SlotRefusal? OutsideWindow(ConsultantAvailability availability, DateTime start, DateTime now)
    {
        if (HasBegun(start, now)) return SlotRefusal.InThePast;
        if (start < now + TimeSpan.FromHours(availability.MinimumNoticeHours)) return SlotRefusal.UnderNotice(availability.MinimumNoticeHours);
        if (start > now + TimeSpan.FromDays(availability.HorizonDays)) return SlotRefusal.BeyondHorizon(availability.HorizonDays);
        return null;
    }

    /// <summary>A start the grid does not hold: inside the hours but between two starts, or outside them altogether.</summary>
    private static SlotRefusal? OffTheGrid(ConsultantAvailability availability, TimeZoneInfo consultantZone, DateTime start)
    {
        // The neighbouring dates too: a daylight-saving change at midnight can push a date's first start across it.
        var date = LocalTimes.Today(start, consultantZone);
        var hours = OpenHours(availability, consultantZone, date.AddDays(-1), date.AddDays(1)).ToList();
        if (hours.Any(h => h.Starts(availability.CallLength).Contains(start))) return null;
        return hours.Any(h => h.StartUtc <= start && start < h.EndUtc) ? SlotRefusal.BetweenSlots(availability.CallMinutes) : SlotRefusal.OutsideHours;
    }

    private static SlotRefusal? Overlapping(ConsultantAvailability availability, DateTime start, List<BusyTime> taken)
    {
        var end = start + availability.CallLength;
        var buffer = availability.Buffer;
        return taken.Any(b => start < b.EndUtc + buffer && end + buffer > b.StartUtc) ? SlotRefusal.Taken : null;
    }

    private static IEnumerable<Hours> OpenHours(ConsultantAvailability availability, TimeZoneInfo consultantZone, DateOnly first, DateOnly last)
    {
        for (var date = first; date <= last; date = date.AddDays(1))
            foreach (var range in availability.RangesOn(date))
            {
                var end = range.End == TimeOnly.MaxValue
                    ? LocalTimes.ToUtc(date.AddDays(1).ToDateTime(TimeOnly.MinValue), consultantZone)
                    : LocalTimes.ToUtc(date.ToDateTime(range.End), consultantZone);
                yield return new Hours(LocalTimes.ToUtc(date.ToDateTime(range.Start), consultantZone), end);
            }
    }

    /// <summary>One stretch of bookable hours as UTC instants.</summary>
    private sealed record Hours(DateTime StartUtc, DateTime EndUtc)
    {
        /// <summary>
        /// Whole calls from the start of the hours. Stepping in UTC, not wall time: on a fall-back night the repeated
        /// hour offers its slots twice, as it should.
        /// </summary>
        public IEnumerable<DateTime> Starts(TimeSpan length)
        {
            for (var start = StartUtc; start + length <= EndUtc; start += length) yield return start;
        }
    }
}
