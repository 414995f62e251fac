using Consultancy.Application.Security;
using MediatR;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Consultancy.Infrastructure.Identity;

/// <summary>
/// Identity's sign-in manager, writing the second step of a two-factor sign-in to the security log. The password
/// step is logged by the sign-in page; the code pages are Identity's own, so the log hooks in here.
/// </summary>
public sealed class AuditedSignInManager(
    UserManager<AppUser> users, IHttpContextAccessor http, IUserClaimsPrincipalFactory<AppUser> claims,
    IOptions<IdentityOptions> options, ILogger<SignInManager<AppUser>> logger, IAuthenticationSchemeProvider schemes,
    IUserConfirmation<AppUser> confirmation, IMediator mediator)
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

    private async Task RecordAsync(AppUser? user, SignInResult result, SignInStep step)
    {
        // Without a pending first step there is no account to name; Identity sends such a visitor back to sign in.
        if (user?.Email is not { } email) return;
        var outcome = result.Succeeded ? SignInOutcome.SignedIn : result.IsLockedOut ? SignInOutcome.LockedOut : SignInOutcome.Failed;
        await mediator.Send(new RecordSignInAttempt(email, outcome, step), Context.RequestAborted);
    }
}
