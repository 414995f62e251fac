using System.Security.Claims;
using Consultancy.Application.Security;
using MediatR;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Consultancy.Infrastructure.Identity;

/// <summary>
/// Identity's sign-in manager, writing the second step of a two-factor sign-in to the security log (the password
/// step is logged by the sign-in page; the code pages are Identity's own, so the log hooks in here), and keeping a
/// server-side session behind every sign-in cookie (<see cref="StaffSessions"/>).
/// </summary>
public sealed class AuditedSignInManager(
    UserManager<AppUser> users, IHttpContextAccessor http, IUserClaimsPrincipalFactory<AppUser> claims,
    IOptions<IdentityOptions> options, ILogger<SignInManager<AppUser>> logger, IAuthenticationSchemeProvider schemes,
    IUserConfirmation<AppUser> confirmation, IMediator mediator, StaffSessions sessions)
    : SignInManager<AppUser>(users, http, claims, options, logger, schemes, confirmation)
{
    public override async Task<SignInResult> TwoFactorAuthenticatorSignInAsync(string code, bool isPersistent, bool rememberClient)
    {
        var user = await GetTwoFactorAuthenticationUserAsync();
        var result = await base.TwoFactorAuthenticatorSignInAsync(code, isPersistent, rememberClient);
        await RecordAsync(user, result, SignInStep.AuthenticatorCode);
        return result;
    }

    public override async Task<SignInResult> TwoFactorRecoveryCodeSignInAsync(string recoveryCode)
    {
        var user = await GetTwoFactorAuthenticationUserAsync();
        var result = await base.TwoFactorRecoveryCodeSignInAsync(recoveryCode);
        await RecordAsync(user, result, SignInStep.RecoveryCode);
        return result;
    }

    /// <summary>
    /// Every sign-in, and every reissue of the cookie (after a profile or password change), names its session: the
    /// browser's current one when it is the same user's and still open, a new one otherwise (after a password
    /// change ended them all).
    /// </summary>
    public override async Task SignInWithClaimsAsync(AppUser user, AuthenticationProperties? authenticationProperties, IEnumerable<Claim> additionalClaims)
    {
        var current = Context.User;
        var session = StaffSessions.SessionOf(current);
        if (session is not null && (current.FindFirstValue(ClaimTypes.NameIdentifier) != user.Id || !await sessions.IsOpenAsync(session, Context.RequestAborted)))
        {
            await sessions.EndAsync(session, Context.RequestAborted);
            session = null;
        }
        session ??= await sessions.StartAsync(user.Id, Context.RequestAborted);
        await base.SignInWithClaimsAsync(user, authenticationProperties, [.. additionalClaims, new Claim(StaffSessions.ClaimType, session)]);
    }

    /// <summary>Signing out ends the session on the server, so a copy of the cookie stops working too.</summary>
    public override async Task SignOutAsync()
    {
        if (StaffSessions.SessionOf(Context.User) is { } session) await sessions.EndAsync(session, Context.RequestAborted);
        await base.SignOutAsync();
    }

    private async Task RecordAsync(AppUser? user, SignInResult result, SignInStep step)
    {
        // Without a pending first step there is no account to name; Identity sends such a visitor back to sign in.
        if (user?.Email is not { } email) return;
        var outcome = result.Succeeded ? SignInOutcome.SignedIn : result.IsLockedOut ? SignInOutcome.LockedOut : SignInOutcome.Failed;
        await mediator.Send(new RecordSignInAttempt(email, outcome, step), Context.RequestAborted);
    }
}
