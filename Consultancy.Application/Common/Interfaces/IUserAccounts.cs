using Consultancy.Application.Domain;

namespace Consultancy.Application.Common.Interfaces;

/// <summary>The sign-in accounts (credentials, roles, lockout) kept by the identity store.</summary>
public interface IUserAccounts
{
    Task<bool> EmailInUseAsync(string email, CancellationToken ct);

    /// <returns>The new account's id.</returns>
    Task<string> CreateAsync(string email, UserRole role, string? password, CancellationToken ct);

    Task SetRoleAsync(string userId, UserRole role, CancellationToken ct);

    /// <summary>Signs the user out everywhere, e.g. after deactivation or a role change.</summary>
    Task InvalidateSessionsAsync(string userId, CancellationToken ct);

    /// <summary>An absolute link where the user chooses a password.</summary>
    Task<string> CreateSetPasswordLinkAsync(string userId, CancellationToken ct);
}
