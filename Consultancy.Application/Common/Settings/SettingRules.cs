using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Consultancy.Application.Domain;

namespace Consultancy.Application.Common.Settings;

// Rules on the properties of a settings class, checked when the app starts. Each message begins with the setting's
// configuration key ({0}), e.g. "Digest:CheckIntervalMinutes must be at least 1.", so the operator knows what to fix.

/// <summary>A whole number no smaller than <paramref name="minimum"/>.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class AtLeastAttribute(int minimum) : ValidationAttribute($"{{0}} must be at least {minimum}.")
{
    public int Minimum { get; } = minimum;

    public override bool IsValid(object? value) => value is not int number || number >= Minimum;
}

/// <summary>A local time of day written as hours and minutes, e.g. "07:30" or "7:30".</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class TimeOfDayAttribute() : ValidationAttribute("{0} must be a time of day as hours and minutes, e.g. 07:30.")
{
    private static readonly string[] Formats = ["H:mm", "HH:mm"];

    public override bool IsValid(object? value) => value is not string text || TryParse(text, out _);

    public static bool TryParse(string text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text.Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
}

/// <summary>One of the given words, in any letter case.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class OneOfAttribute(params string[] allowed) : ValidationAttribute($"{{0}} must be one of {string.Join(", ", allowed)}.")
{
    public override bool IsValid(object? value) =>
        value is not string text || allowed.Contains(text.Trim(), StringComparer.OrdinalIgnoreCase);
}

/// <summary>Reminders before a due date, as a deadline takes them: "14, 7, 1" (days) or "24h, 2h" (hours).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ReminderOffsetsTextAttribute() : ValidationAttribute(
    $"{{0}} must list {ReminderOffsets.Rule}.")
{
    public override bool IsValid(object? value) => value is not string text || ReminderOffsets.TryParse(text, out _);
}
