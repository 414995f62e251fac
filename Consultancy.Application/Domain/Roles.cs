namespace Consultancy.Application.Domain;

/// <summary>The names of the <see cref="UserRole"/>s as sign-in roles, for <c>[Authorize(Roles = ...)]</c> and the role store.</summary>
public static class Roles
{
    public const string Admin = nameof(UserRole.Admin);
    public const string Consultant = nameof(UserRole.Consultant);

    public static string NameOf(UserRole role) => role.ToString();
}
