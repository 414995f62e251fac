using Consultancy.Application.Common.Exceptions;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Application.Users;

internal static class UserAdministration
{
    public static async Task<UserProfile> FindProfileAsync(this IAppDbContext db, string userId, CancellationToken ct) =>
        await db.UserProfiles.SingleOrDefaultAsync(u => u.Id == userId, ct)
        ?? throw new NotFoundException("User", userId);

    /// <summary>The consultancy must always keep one active admin who can sign in and manage the rest.</summary>
    public static async Task EnsureAnotherActiveAdminAsync(this IAppDbContext db, string userId, CancellationToken ct)
    {
        if (!await db.UserProfiles.AnyAsync(u => u.Id != userId && u.IsActive && u.Role == UserRole.Admin, ct))
            throw new ValidationException("", "The consultancy needs at least one other active admin first.");
    }
}
