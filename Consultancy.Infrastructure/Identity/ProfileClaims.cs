namespace Consultancy.Infrastructure.Identity;

/// <summary>Claims added to the sign-in cookie so every page can greet the user and show times in their zone.</summary>
public static class ProfileClaims
{
    public const string DisplayName = "consultancy:display_name";
    public const string TimeZone = "consultancy:time_zone";
}
