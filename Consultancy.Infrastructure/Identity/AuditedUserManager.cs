using Consultancy.Application.Domain;
using Consultancy.Application.Security;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Consultancy.Infrastructure.Identity;

/// <summary>
/// Identity's user manager, writing password resets and changes and two-factor switches to the security log,
/// whichever page (Identity's own or the app's) made them, and ending sessions when the password changes.
/// </summary>
public sealed class AuditedUserManager : UserManager<AppUser>
{
    private readonly IServiceProvider _services;

    public AuditedUserManager(
        IUserStore<AppUser> store, IOptions<IdentityOptions> options, IPasswordHasher<AppUser> hasher,
        IEnumerable<IUserValidator<AppUser>> userValidators, IEnumerable<IPasswordValidator<AppUser>> passwordValidators,
        ILookupNormalizer normalizer, IdentityErrorDescriber errors, IServiceProvider services, ILogger<UserManager<AppUser>> logger)
        : base(store, options, hasher, userValidators, passwordValidators, normalizer, errors, services, logger) =>
        _services = services;

    /// <summary>A new password from a reset link ends every session of the account: whoever held one may have known the old password.</summary>
    public override async Task<IdentityResult> ResetPasswordAsync(AppUser user, string token, string newPassword)
    {
        var result = await base.ResetPasswordAsync(user, token, newPassword);
        if (!result.Succeeded) return result;
        await Sessions.EndAllAsync(user.Id, CancellationToken);
        await RecordAsync(user, SecurityEventKind.PasswordReset);
        return result;
    }

    /// <summary>
    /// A changed password ends every session of the account, copies of this browser's cookie included; the page that
    /// changed it then signs this browser in again with a new session.
    /// </summary>
    public override async Task<IdentityResult> ChangePasswordAsync(AppUser user, string currentPassword, string newPassword)
    {
        var result = await base.ChangePasswordAsync(user, currentPassword, newPassword);
        if (!result.Succeeded) return result;
        await Sessions.EndAllAsync(user.Id, CancellationToken);
        await RecordAsync(user, SecurityEventKind.PasswordChanged);
        return result;
    }

    public override async Task<IdentityResult> SetTwoFactorEnabledAsync(AppUser user, bool enabled)
    {
        var result = await base.SetTwoFactorEnabledAsync(user, enabled);
        if (result.Succeeded) await RecordAsync(user, enabled ? SecurityEventKind.TwoFactorTurnedOn : SecurityEventKind.TwoFactorTurnedOff);
        return result;
    }

    private StaffSessions Sessions => _services.GetRequiredService<StaffSessions>();

    // The mediator's handlers use the user manager themselves, so it is resolved when needed, not injected.
    private Task RecordAsync(AppUser user, SecurityEventKind kind) =>
        _services.GetRequiredService<IMediator>().Send(new RecordAccountChange(user.Email ?? user.Id, kind), CancellationToken);
}
