namespace Consultancy.Application.Common.Settings;

/// <summary>The <c>Digest</c> configuration section.</summary>
public sealed class DigestSettings
{
    public const string Section = "Digest";

    /// <summary>Local time of day ("HH:mm") after which each consultant's digest goes out, in their own zone.</summary>
    [TimeOfDay] public string SendHour { get; set; } = "07:30";

    /// <summary>How often the job looks for consultants whose send time has passed.</summary>
    [AtLeast(1)] public int CheckIntervalMinutes { get; set; } = 5;

    /// <summary><see cref="SendHour"/>, which the start-up check has found readable.</summary>
    public TimeOnly SendTime => TimeOfDayAttribute.TryParse(SendHour, out var time)
        ? time
        : throw new InvalidOperationException($"{Section}:{nameof(SendHour)} was not checked at start: \"{SendHour}\".");
}
