using Consultancy.Application.Domain;

namespace Consultancy.Application.Common.Settings;

/// <summary>The <c>Programs</c> configuration section: the consultancy's own rules of thumb for applications and ranking.</summary>
public sealed class ProgramSettings
{
    public const string Section = "Programs";

    /// <summary>A rank order list with fewer programs than this is warned about (ranking more raises the chance to match).</summary>
    [AtLeast(1)] public int MinimumRanked { get; set; } = 10;

    /// <summary>Programs an NRMP registration fee covers; each one ranked beyond it costs extra.</summary>
    [AtLeast(1)] public int RankedIncludedInFee { get; set; } = 20;

    /// <summary>Hours an applicant has to answer an interview invite by default (invites fill within days).</summary>
    [AtLeast(1)] public int InviteReplyHours { get; set; } = 48;

    /// <summary>Reminders before the answer to an invite is due: hours, because the whole window is a couple of days.</summary>
    [ReminderOffsetsText] public string InviteReminders { get; set; } = "24h, 2h";

    /// <summary>Days before an interview on which the applicant is reminded.</summary>
    [ReminderOffsetsText] public string InterviewReminderDays { get; set; } = "7, 1";

    public ReminderOffsets InviteReminderOffsets =>
        ReminderOffsets.TryParse(InviteReminders, out var offsets) ? offsets : new ReminderOffsets([ReminderOffset.Hours(24), ReminderOffset.Hours(2)]);

    public ReminderOffsets InterviewReminderOffsets =>
        ReminderOffsets.TryParse(InterviewReminderDays, out var offsets) ? offsets : new ReminderOffsets([7, 1]);
}
