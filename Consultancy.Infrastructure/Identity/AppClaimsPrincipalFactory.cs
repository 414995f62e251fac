using System.Security.Claims;
using Consultancy.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Consultancy.Infrastructure.Identity;

public sealed class AppClaimsPrincipalFactory(
    UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options, AppDbContext db)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        var profile = await db.UserProfiles.AsNoTracking().SingleOrDefaultAsync(p => p.Id == user.Id);
        if (profile is not null)
        {
            identity.AddClaim(new Claim(ProfileClaims.DisplayName, profile.DisplayName));
            identity.AddClaim(new Claim(ProfileClaims.TimeZone, profile.TimeZoneId));
        }
        return identity;
    }
}
