using System.Globalization;

namespace Consultancy.Application.Common.Settings;

/// <summary>The <c>Digest</c> configuration section.</summary>
public sealed class DigestSettings
{
    public const string Section = "Digest";

    /// <summary>Local time of day ("HH:mm") after which each consultant's digest goes out, in their own zone.</summary>
    public string SendHour { get; set; } = "07:30";

    /// <summary>How often the job looks for consultants whose send time has passed.</summary>
    public int CheckIntervalMinutes { get; set; } = 5;

    public TimeOnly SendTime => TimeOnly.TryParseExact(SendHour, ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
        ? time
        : new TimeOnly(7, 30);
}
