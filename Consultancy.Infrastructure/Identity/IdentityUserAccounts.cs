using System.Text;
using Consultancy.Application.Common.Exceptions;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace Consultancy.Infrastructure.Identity;

internal sealed class IdentityUserAccounts(UserManager<AppUser> users, AppLinks links, StaffSessions sessions) : IUserAccounts
{
    public async Task<bool> EmailInUseAsync(string email, CancellationToken ct) =>
        await users.FindByEmailAsync(email.Trim()) is not null;

    public async Task<string> CreateAsync(string email, UserRole role, string? password, CancellationToken ct)
    {
        var user = new AppUser { UserName = email.Trim(), Email = email.Trim(), EmailConfirmed = true };
        Check(password is null ? await users.CreateAsync(user) : await users.CreateAsync(user, password), "Password");
        Check(await users.AddToRoleAsync(user, Roles.NameOf(role)), "");
        return user.Id;
    }

    public async Task SetRoleAsync(string userId, UserRole role, CancellationToken ct)
    {
        var user = await FindAsync(userId);
        Check(await users.RemoveFromRolesAsync(user, await users.GetRolesAsync(user)), "");
        Check(await users.AddToRoleAsync(user, Roles.NameOf(role)), "");
    }

    public async Task InvalidateSessionsAsync(string userId, CancellationToken ct)
    {
        Check(await users.UpdateSecurityStampAsync(await FindAsync(userId)), "");
        await sessions.EndAllAsync(userId, ct);
    }

    public async Task<string> CreateSetPasswordLinkAsync(string userId, CancellationToken ct)
    {
        var token = await users.GeneratePasswordResetTokenAsync(await FindAsync(userId));
        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));
        return links.Absolute($"/Identity/Account/ResetPassword?code={Uri.EscapeDataString(code)}");
    }

    private async Task<AppUser> FindAsync(string userId) =>
        await users.FindByIdAsync(userId) ?? throw new NotFoundException("User", userId);

    private static void Check(IdentityResult result, string field)
    {
        if (!result.Succeeded)
            throw new ValidationException(result.Errors.Select(e => new FluentValidation.Results.ValidationFailure(field, e.Description)));
    }
}
