using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Consultancy.Infrastructure.Identity;

/// <summary>
/// Checks the sign-in cookie's session on every request (<see cref="StaffSessions.IsActiveAsync"/>) before Identity's
/// own periodic check, and carries the session over when Identity refreshes the cookie's claims.
/// </summary>
public static class StaffSessionValidation
{
    public static IServiceCollection AddStaffSessionValidation(this IServiceCollection services)
    {
        services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, cookie =>
        {
            var identityCheck = cookie.Events.OnValidatePrincipal;
            cookie.Events.OnValidatePrincipal = async context =>
            {
                var sessions = context.HttpContext.RequestServices.GetRequiredService<StaffSessions>();
                if (context.Principal is null || !await sessions.IsActiveAsync(context.Principal, context.HttpContext.RequestAborted))
                {
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                    return;
                }
                await identityCheck(context);
            };
        });
        services.Configure<SecurityStampValidatorOptions>(options => options.OnRefreshingPrincipal = context =>
        {
            if (StaffSessions.SessionOf(context.CurrentPrincipal) is { } session && context.NewPrincipal?.Identity is ClaimsIdentity identity)
                identity.AddClaim(new Claim(StaffSessions.ClaimType, session));
            return Task.CompletedTask;
        });
        return services;
    }
}
