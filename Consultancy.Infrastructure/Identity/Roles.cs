using Consultancy.Application.Domain;

namespace Consultancy.Infrastructure.Identity;

public static class Roles
{
    public const string Admin = nameof(UserRole.Admin);
    public const string Consultant = nameof(UserRole.Consultant);

    public static string NameOf(UserRole role) => role.ToString();
}
