using Consultancy.Application.Common.Exceptions;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Application.Common;

/// <summary>What a use case asks of whoever is acting, shared by every feature.</summary>
internal static class CurrentUserRules
{
    /// <summary>Admin-only work; the system itself (start-up, background runs an admin started) may do it too.</summary>
    public static void EnsureAdmin(this ICurrentUser user)
    {
        if (!user.IsAdmin && !user.IsSystem) throw new ForbiddenException("Only admins can do this.");
    }

    /// <summary>The signed-in user's own profile; nobody signed in has none.</summary>
    public static async Task<UserProfile> MyProfileAsync(this IAppDbContext db, ICurrentUser user, CancellationToken ct) =>
        await db.UserProfiles.SingleOrDefaultAsync(u => u.Id == user.UserId, ct)
        ?? throw new NotFoundException("User", user.UserId ?? "(anonymous)");
}
