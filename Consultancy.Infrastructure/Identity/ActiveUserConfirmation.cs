using Consultancy.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Infrastructure.Identity;

/// <summary>Only staff whose profile is active may sign in; deactivated accounts are refused before the password check.</summary>
internal sealed class ActiveUserConfirmation(AppDbContext db) : IUserConfirmation<AppUser>
{
    public Task<bool> IsConfirmedAsync(UserManager<AppUser> manager, AppUser user) =>
        db.UserProfiles.AnyAsync(p => p.Id == user.Id && p.IsActive);
}
