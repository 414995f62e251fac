namespace Consultancy.Application.Domain;

/// <summary>
/// The product's view of a staff member. It shares its id with the sign-in account, which holds the
/// credentials and lives in the identity store.
/// </summary>
public sealed class UserProfile
{
    public string Id { get; private set; } = "";
    public string Email { get; private set; } = "";
    public string DisplayName { get; set; } = "";
    public string TimeZoneId { get; set; } = "UTC";
    public UserRole Role { get; set; }
    public bool IsActive { get; private set; } = true;
    public DateTime CreatedAt { get; private set; }
    /// <summary>The consultant turned the daily digest email off in their profile.</summary>
    public bool DigestOptedOut { get; set; }
    /// <summary>The random secret in the consultant's private calendar feed address; null until they create one.</summary>
    public string? CalendarFeedToken { get; private set; }

    private UserProfile() { }

    public UserProfile(string id, string email, string displayName, string timeZoneId, UserRole role, DateTime createdAt)
    {
        Id = id;
        Email = email;
        DisplayName = displayName;
        TimeZoneId = timeZoneId;
        Role = role;
        CreatedAt = createdAt;
    }

    /// <summary>A new feed address; the old one stops working at once.</summary>
    public string ResetCalendarFeed()
    {
        CalendarFeedToken = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return CalendarFeedToken;
    }

    public void Deactivate() => IsActive = false;
    public void Reactivate() => IsActive = true;
}
