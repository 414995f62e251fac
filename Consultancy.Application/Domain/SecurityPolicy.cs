namespace Consultancy.Application.Domain;

/// <summary>The consultancy's account rules that admins set; one row.</summary>
public sealed class SecurityPolicy
{
    public const int SingletonId = 1;

    public int Id { get; private set; } = SingletonId;
    /// <summary>Every user must sign in with an authenticator code; those without one set it up before anything else.</summary>
    public bool RequireTwoFactor { get; private set; }
    public DateTime? ChangedAt { get; private set; }

    public void SetRequireTwoFactor(bool required, DateTime now)
    {
        RequireTwoFactor = required;
        ChangedAt = now;
    }
}
