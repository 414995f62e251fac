namespace Consultancy.Application.Common.Settings;

/// <summary>
/// The <c>Outbox</c> configuration section: how the dispatcher sends every kind of email. These keys were once under
/// <c>Reminders</c>; a key set there still counts where <c>Outbox</c> does not set it.
/// </summary>
public sealed class OutboxSettings
{
    public const string Section = "Outbox";
    public const string FormerSection = ReminderSettings.Section;

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

    /// <summary>Wait before retry n (1-based): 1, 5, 30, then 120 minutes.</summary>
    public static TimeSpan Backoff(int attempt) => attempt switch
    {
        <= 1 => TimeSpan.FromMinutes(1),
        2 => TimeSpan.FromMinutes(5),
        3 => TimeSpan.FromMinutes(30),
        _ => TimeSpan.FromMinutes(120),
    };
}
