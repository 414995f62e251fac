namespace Consultancy.Application.Domain;

/// <summary>Local wall-clock times to UTC instants, deliberately across daylight-saving changes.</summary>
public static class LocalTimes
{
    /// <summary>
    /// A wall-clock time in <paramref name="zone"/> as UTC. A time skipped by a spring-forward change
    /// (02:30 on the night clocks jump to 03:00) moves forward by the gap; a time that happens twice
    /// (fall-back) means its first occurrence.
    /// </summary>
    public static DateTime ToUtc(DateTime local, TimeZoneInfo zone)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            var gap = zone.GetAdjustmentRules()
                .FirstOrDefault(r => r.DateStart <= local.Date && r.DateEnd >= local.Date)?.DaylightDelta ?? TimeSpan.FromHours(1);
            return ToUtc(local + gap, zone);
        }
        if (zone.IsAmbiguousTime(local))
        {
            var offsets = zone.GetAmbiguousTimeOffsets(local);
            return DateTime.SpecifyKind(local - offsets.Max(), DateTimeKind.Utc);
        }
        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }

    public static DateOnly Today(DateTime nowUtc, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(nowUtc, zone));
}
