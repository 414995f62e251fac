namespace Consultancy.Application.Domain;

public static class TimeZones
{
    public static bool IsValidIana(string? id)
    {
        if (string.IsNullOrWhiteSpace(id)) return false;
        // Windows ids also resolve on Linux; only IANA ids are accepted so data stays portable.
        return TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) && zone.HasIanaId;
    }

    public static TimeZoneInfo Find(string? id) =>
        id is not null && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;

    public static IReadOnlyList<string> All { get; } =
        TimeZoneInfo.GetSystemTimeZones()
            .Where(z => z.HasIanaId)
            .Select(z => z.Id)
            .Order(StringComparer.Ordinal)
            .ToList();
}
