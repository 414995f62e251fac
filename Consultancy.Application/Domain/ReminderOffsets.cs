using System.Globalization;

namespace Consultancy.Application.Domain;

/// <summary>
/// How long before a due date one reminder goes out: whole days (sent at the send hour in the applicant's zone) or
/// hours (before the due time itself, for what is decided within days, such as an interview invite).
/// </summary>
public readonly record struct ReminderOffset(int Amount, bool InHours)
{
    public static ReminderOffset Days(int days) => new(days, false);
    public static ReminderOffset Hours(int hours) => new(hours, true);

    /// <summary>How far ahead of the due moment it goes, for ordering days and hours together.</summary>
    public int HoursAhead => InHours ? Amount : Amount * 24;

    /// <summary>The last part of the reminder's dedup key: "7d" or "24h".</summary>
    public string Key => Amount.ToString(CultureInfo.InvariantCulture) + (InHours ? "h" : "d");

    /// <summary>"7 d before" or "24 h before", as the deadline page lists a reminder.</summary>
    public string Describe() => $"{Amount} {(InHours ? "h" : "d")} before";

    public static bool TryParseKey(string key, out ReminderOffset offset)
    {
        offset = default;
        if (key.Length < 2 || key[^1] is not ('d' or 'h')) return false;
        if (!int.TryParse(key[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var amount)) return false;
        offset = new ReminderOffset(amount, key[^1] == 'h');
        return true;
    }

    /// <summary>Written as the forms take it: "7" for days, "24h" for hours.</summary>
    public override string ToString() => Amount.ToString(CultureInfo.InvariantCulture) + (InHours ? "h" : "");
}

/// <summary>The reminders of a deadline, e.g. "14, 7, 1" (days before) or "24h, 2h" (hours before its due time).</summary>
public sealed record ReminderOffsets
{
    public const int MaxDays = 365;
    public const int MaxHours = 168;
    public const int MaxCount = 6;

    public static readonly ReminderOffsets Default = new([14, 7, 1]);

    /// <summary>What the forms and settings say when the text does not parse.</summary>
    public static readonly string Rule =
        $"whole numbers of days between 0 and {MaxDays} (e.g. 14, 7, 1) or of hours between 1 and {MaxHours} written with an h (e.g. 24h, 2h), separated by commas (at most {MaxCount})";

    /// <summary>Earliest first.</summary>
    public IReadOnlyList<ReminderOffset> Items { get; }

    public ReminderOffsets(IEnumerable<int> days) : this(days.Select(ReminderOffset.Days)) { }

    public ReminderOffsets(IEnumerable<ReminderOffset> offsets) =>
        Items = offsets.Distinct().OrderByDescending(o => o.HoursAhead).ThenBy(o => o.InHours).ToList();

    public static bool TryParse(string? text, out ReminderOffsets offsets)
    {
        offsets = new ReminderOffsets(Array.Empty<ReminderOffset>());
        if (string.IsNullOrWhiteSpace(text)) return true;
        var items = new List<ReminderOffset>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var inHours = part.EndsWith('h') || part.EndsWith('H');
            var number = inHours ? part[..^1].TrimEnd() : part;
            if (!int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var amount)) return false;
            if (inHours ? amount is < 1 or > MaxHours : amount > MaxDays) return false;
            items.Add(new ReminderOffset(amount, inHours));
        }
        offsets = new ReminderOffsets(items);
        return offsets.Items.Count <= MaxCount;
    }

    public bool Contains(ReminderOffset offset) => Items.Contains(offset);

    /// <summary>For a sentence: "7 days and 1 day before", "24 hours and 2 hours before", or "no reminders".</summary>
    public string Describe()
    {
        if (Items.Count == 0) return "no reminders";
        var parts = Items.Select(o => $"{o.Amount} {(o.InHours ? "hour" : "day")}{(o.Amount == 1 ? "" : "s")}").ToList();
        return (parts.Count == 1 ? parts[0] : string.Join(", ", parts[..^1]) + " and " + parts[^1]) + " before";
    }

    public override string ToString() => string.Join(", ", Items);

    public bool Equals(ReminderOffsets? other) => other is not null && Items.SequenceEqual(other.Items);
    public override int GetHashCode() => Items.Aggregate(17, (hash, offset) => hash * 31 + offset.GetHashCode());
}
