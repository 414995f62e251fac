using Consultancy.Application.Common.Interfaces;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Application.Clients;

internal static class StaffQueries
{
    public static Task<bool> IsActiveStaffAsync(this IAppDbContext db, string userId, CancellationToken ct) =>
        db.UserProfiles.AnyAsync(u => u.Id == userId && u.IsActive, ct);
}
