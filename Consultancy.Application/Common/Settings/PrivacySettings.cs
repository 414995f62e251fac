namespace Consultancy.Application.Common.Settings;

/// <summary>The <c>Privacy</c> configuration section.</summary>
public sealed class PrivacySettings
{
    public const string Section = "Privacy";

    /// <summary>Days after which the bodies of sent, cancelled and failed emails are deleted (their record stays).</summary>
    [AtLeast(1)] public int EmailBodyRetentionDays { get; set; } = 180;

    public TimeSpan EmailBodyRetention => TimeSpan.FromDays(EmailBodyRetentionDays);
}
