namespace Consultancy.Application.Common.Settings;

/// <summary>The <c>Letters</c> configuration section.</summary>
public sealed class LetterSettings
{
    public const string Section = "Letters";

    /// <summary>Days between follow-ups to a referee who has not answered (at most three, never after the due date).</summary>
    [AtLeast(1)] public int FollowUpDays { get; set; } = 7;

    /// <summary>How long a referee's link keeps working after the letter was uploaded, declined or cancelled.</summary>
    [AtLeast(0)] public int RefereeLinkGraceDays { get; set; } = 14;

    public TimeSpan FollowUpInterval => TimeSpan.FromDays(FollowUpDays);
    public TimeSpan RefereeLinkGrace => TimeSpan.FromDays(RefereeLinkGraceDays);
}
