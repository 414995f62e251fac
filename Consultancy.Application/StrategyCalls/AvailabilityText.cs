using System.Globalization;
using System.Text;
using Consultancy.Application.Domain;

namespace Consultancy.Application.StrategyCalls;

/// <summary>
/// The availability form's plain-text fields: ranges like "09:00-12:00, 13:00-17:00", date overrides one per
/// line ("2026-12-24 10:00-12:00" or "2026-12-25 off"), time off one per line ("2026-12-20 to 2027-01-02").
/// </summary>
public static class AvailabilityText
{
    public static bool TryParseRanges(string? text, out List<TimeRange> ranges)
    {
        ranges = [];
        if (string.IsNullOrWhiteSpace(text)) return true;
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var ends = part.Split('-', StringSplitOptions.TrimEntries);
            if (ends.Length != 2 || !TryParseTime(ends[0], out var start) || !TryParseTime(ends[1], out var end) || end <= start) return false;
            ranges.Add(new TimeRange(start, end));
        }
        ranges = ranges.OrderBy(r => r.Start).ToList();
        return ranges.Zip(ranges.Skip(1)).All(pair => pair.First.End <= pair.Second.Start);
    }

    public static string FormatRanges(IEnumerable<TimeRange> ranges) =>
        string.Join(", ", ranges.OrderBy(r => r.Start).Select(r => $"{FormatTime(r.Start)}-{FormatTime(r.End)}"));

    public static bool TryParseOverrides(string? text, out List<DateOverride> overrides, out string? badLine)
    {
        overrides = [];
        badLine = null;
        foreach (var line in Lines(text))
        {
            var space = line.IndexOf(' ');
            if (space < 0 || !TryParseDate(line[..space], out var date)) { badLine = line; return false; }
            var rest = line[(space + 1)..].Trim();
            if (rest.Equals("off", StringComparison.OrdinalIgnoreCase))
            {
                overrides.Add(new DateOverride(date, null, null));
                continue;
            }
            if (!TryParseRanges(rest, out var ranges) || ranges.Count == 0) { badLine = line; return false; }
            overrides.AddRange(ranges.Select(r => new DateOverride(date, r.Start, r.End)));
        }
        return true;
    }

    public static string FormatOverrides(IEnumerable<DateOverride> overrides)
    {
        var text = new StringBuilder();
        foreach (var day in overrides.GroupBy(o => o.Date).OrderBy(g => g.Key))
        {
            var ranges = day.Where(o => o is { Start: not null, End: not null }).Select(o => new TimeRange(o.Start!.Value, o.End!.Value)).ToList();
            text.AppendLine($"{FormatDate(day.Key)} {(ranges.Count == 0 ? "off" : FormatRanges(ranges))}");
        }
        return text.ToString().TrimEnd();
    }

    public static bool TryParseTimeOff(string? text, out List<TimeOff> timeOff, out string? badLine)
    {
        timeOff = [];
        badLine = null;
        foreach (var line in Lines(text))
        {
            var ends = line.Split(" to ", StringSplitOptions.TrimEntries);
            if (ends.Length is < 1 or > 2 || !TryParseDate(ends[0], out var from)) { badLine = line; return false; }
            var to = from;
            if (ends.Length == 2 && (!TryParseDate(ends[1], out to) || to < from)) { badLine = line; return false; }
            timeOff.Add(new TimeOff(from, to));
        }
        return true;
    }

    public static string FormatTimeOff(IEnumerable<TimeOff> timeOff) =>
        string.Join("\n", timeOff.OrderBy(t => t.From).Select(t => t.From == t.To ? FormatDate(t.From) : $"{FormatDate(t.From)} to {FormatDate(t.To)}"));

    private static IEnumerable<string> Lines(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    // "24:00" ends a range at midnight; TimeOnly has no 24:00, so it is the last instant of the day.
    private static bool TryParseTime(string text, out TimeOnly time)
    {
        if (text is "24:00") { time = TimeOnly.MaxValue; return true; }
        return TimeOnly.TryParseExact(text, ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
    }

    private static string FormatTime(TimeOnly time) => time == TimeOnly.MaxValue ? "24:00" : time.ToString("HH:mm", CultureInfo.InvariantCulture);

    private static bool TryParseDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    private static string FormatDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
