using Consultancy.Application.Domain;

namespace Consultancy.Application.Common.Settings;

/// <summary>The <c>Reminders</c> configuration section: when deadline reminders go out (how all email is sent: <see cref="OutboxSettings"/>).</summary>
public sealed class ReminderSettings
{
    public const string Section = "Reminders";

    /// <summary>Local hour (in the client's zone) at which reminders go out, e.g. "09:00".</summary>
    public TimeOnly SendHour { get; set; } = new(9, 0);

    /// <summary>Days before the due date, e.g. "14, 7, 1"; new deadlines start with these.</summary>
    [ReminderOffsetsText] public string DefaultOffsets { get; set; } = "14, 7, 1";

    public ReminderOffsets DefaultReminderOffsets =>
        ReminderOffsets.TryParse(DefaultOffsets, out var offsets) ? offsets : ReminderOffsets.Default;
}
