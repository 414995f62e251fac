namespace Consultancy.Benchmarks.Soak;

/// <summary>
/// Reminders go out at the send hour in each applicant's own zone. To keep reminders falling due throughout
/// the run, each new applicant lives in the zone whose clock is next to reach the send hour, so a deadline
/// due tomorrow there is reminded of within minutes, as it would be for a real worldwide caseload.
/// </summary>
internal static class ReminderZones
{
    private static readonly TimeZoneInfo[] Zones = TimeZoneInfo.GetSystemTimeZones()
        .Where(z => z.Id.Contains('/') && !z.Id.StartsWith("Etc/", StringComparison.Ordinal)).ToArray();

    /// <summary>The zone whose send hour comes soonest after <paramref name="earliest"/> from now, with its local date.</summary>
    public static (TimeZoneInfo Zone, DateOnly LocalToday, DateTime ReminderDueUtc) Next(DateTime utcNow, TimeOnly sendHour, TimeSpan earliest)
    {
        var candidates = new List<(TimeZoneInfo, DateOnly, DateTime)>();
        foreach (var zone in Zones)
        {
            var local = TimeZoneInfo.ConvertTimeFromUtc(utcNow, zone);
            var sendLocal = DateTime.SpecifyKind(local.Date + sendHour.ToTimeSpan(), DateTimeKind.Unspecified);
            if (zone.IsInvalidTime(sendLocal)) continue;
            var dueUtc = TimeZoneInfo.ConvertTimeToUtc(sendLocal, zone);
            if (dueUtc >= utcNow + earliest) candidates.Add((zone, DateOnly.FromDateTime(local), dueUtc));
        }
        return candidates.MinBy(c => c.Item3);
    }
}
