using System.ComponentModel.DataAnnotations;

namespace Consultancy.Application.Domain;

/// <summary>
/// One entry of the security log: who did what to which account, when and from where. Written in the same
/// transaction as the change it records; never edited.
/// </summary>
public sealed class SecurityEvent
{
    public const int TextLength = 256;

    public long Id { get; private set; }
    public DateTime At { get; private set; }
    public SecurityEventKind Kind { get; private set; }
    /// <summary>Who acted: the signed-in user's email, or the address typed on the sign-in form.</summary>
    public string? Actor { get; private set; }
    /// <summary>The account or record the event concerns when that is not the actor, e.g. the user whose role changed.</summary>
    public string? Subject { get; private set; }
    public string? Detail { get; private set; }
    public string? IpAddress { get; private set; }

    private SecurityEvent() { }

    public SecurityEvent(DateTime at, SecurityEventKind kind, string? actor, string? subject, string? detail, string? ipAddress)
    {
        At = at;
        Kind = kind;
        Actor = Clip(actor);
        Subject = Clip(subject);
        Detail = Clip(detail);
        IpAddress = Clip(ipAddress);
    }

    /// <summary>
    /// The one change an entry allows: mentions of an erased person (a failed sign-in typed with their address) are
    /// replaced, so the log keeps the event without keeping them.
    /// </summary>
    public void Redact(IReadOnlyList<string> mentions, string replacement)
    {
        Actor = Redaction.Apply(Actor, mentions, replacement);
        Subject = Redaction.Apply(Subject, mentions, replacement);
        Detail = Redaction.Apply(Detail, mentions, replacement);
    }

    // A sign-in form accepts whatever is typed; the log keeps a bounded, trimmed copy.
    private static string? Clip(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : text.Trim() is var trimmed && trimmed.Length > TextLength ? trimmed[..TextLength] : text.Trim();
}

public enum SecurityEventKind
{
    [Display(Name = "Signed in")] SignedIn = 0,
    [Display(Name = "Failed sign-in")] SignInFailed = 1,
    [Display(Name = "Locked out")] LockedOut = 2,
    [Display(Name = "Role changed")] RoleChanged = 3,
    [Display(Name = "User deactivated")] UserDeactivated = 4,
    [Display(Name = "User reactivated")] UserReactivated = 5,
    [Display(Name = "User invited")] UserInvited = 6,
    [Display(Name = "Client data exported")] ClientDataExported = 7,
    [Display(Name = "Client erased")] ClientErased = 8,
    [Display(Name = "Two-factor rule changed")] TwoFactorRuleChanged = 9,
    [Display(Name = "Database backed up")] DatabaseBackedUp = 10,
    [Display(Name = "Password reset")] PasswordReset = 11,
    [Display(Name = "Password changed")] PasswordChanged = 12,
    [Display(Name = "Two-factor turned on")] TwoFactorTurnedOn = 13,
    [Display(Name = "Two-factor turned off")] TwoFactorTurnedOff = 14,
    [Display(Name = "Signed out everywhere")] SignedOutEverywhere = 15,
}
