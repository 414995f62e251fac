using Consultancy.Application.Domain;

namespace Consultancy.Application.Common.Settings;

/// <summary>The <c>Reminders</c> configuration section.</summary>
public sealed class ReminderSettings
{
    public const string Section = "Reminders";

    /// <summary>Local hour (in the client's zone) at which reminders go out, e.g. "09:00".</summary>
    public TimeOnly SendHour { get; set; } = new(9, 0);

    /// <summary>Days before the due date, e.g. "14, 7, 1"; new deadlines start with these.</summary>
    [ReminderDays] public string DefaultOffsets { get; set; } = "14, 7, 1";

    [AtLeast(1)] public int DispatchIntervalSeconds { get; set; } = 30;
    [AtLeast(1)] public int BatchSize { get; set; } = 100;
    [AtLeast(1)] public int MaxAttempts { get; set; } = 5;

    /// <summary>How long a dispatcher owns a claimed batch; after that another may take it over.</summary>
    [AtLeast(1)] public int LeaseSeconds { get; set; } = 300;

    /// <summary>
    /// Sends the server accepted are recorded as Sent a group at a time, in one transaction per group: a group
    /// closes after this many sends, <see cref="RecordGroupMilliseconds"/> after its first, or at the end of a
    /// batch. One group commits while the next is sent, so at most two groups are ever unrecorded: all that a
    /// crash can send again, and only once the lease has expired.
    /// </summary>
    [AtLeast(1)] public int RecordGroupSize { get; set; } = 25;

    /// <summary>How long after its first send a group closes at the latest (checked after each send).</summary>
    [AtLeast(0)] public int RecordGroupMilliseconds { get; set; } = 500;

    public ReminderOffsets DefaultReminderOffsets =>
        ReminderOffsets.TryParse(DefaultOffsets, out var offsets) ? offsets : ReminderOffsets.Default;

    /// <summary>Wait before retry n (1-based): 1, 5, 30, then 120 minutes.</summary>
    public static TimeSpan Backoff(int attempt) => attempt switch
    {
        <= 1 => TimeSpan.FromMinutes(1),
        2 => TimeSpan.FromMinutes(5),
        3 => TimeSpan.FromMinutes(30),
        _ => TimeSpan.FromMinutes(120),
    };
}
