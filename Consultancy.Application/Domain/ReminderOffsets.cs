using System.Globalization;

namespace Consultancy.Application.Domain;

/// <summary>The days before a due date on which reminders go out, e.g. "14, 7, 1".</summary>
public sealed record ReminderOffsets
{
    public const int MaxDays = 365;
    public const int MaxCount = 6;

    public static readonly ReminderOffsets Default = new([14, 7, 1]);

    public IReadOnlyList<int> Days { get; }

    public ReminderOffsets(IEnumerable<int> days) =>
        Days = days.Distinct().OrderDescending().ToList();

    public static bool TryParse(string? text, out ReminderOffsets offsets)
    {
        offsets = new ReminderOffsets([]);
        if (string.IsNullOrWhiteSpace(text)) return true;
        var days = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var day) || day > MaxDays) return false;
            days.Add(day);
        }
        offsets = new ReminderOffsets(days);
        return offsets.Days.Count <= MaxCount;
    }

    public override string ToString() => string.Join(", ", Days);

    public bool Equals(ReminderOffsets? other) => other is not null && Days.SequenceEqual(other.Days);
    public override int GetHashCode() => Days.Aggregate(17, (hash, day) => hash * 31 + day);
}
