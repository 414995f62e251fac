using System.Security.Cryptography;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Application.Users;

/// <summary>
/// Makes sure the consultancy has an admin on first start. Returns the generated password when one was
/// made up (no password configured), so the host can show it once; null when nothing was created.
/// </summary>
public sealed record EnsureAdminAccount(string Email, string? Password, string TimeZoneId) : IRequest<string?>;

internal sealed class EnsureAdminAccountHandler(IAppDbContext db, IUserAccounts accounts, TimeProvider clock)
    : IRequestHandler<EnsureAdminAccount, string?>
{
    public async Task<string?> Handle(EnsureAdminAccount request, CancellationToken ct)
    {
        if (await db.UserProfiles.AnyAsync(u => u.Role == UserRole.Admin, ct)) return null;
        if (await accounts.EmailInUseAsync(request.Email, ct)) return null;

        var password = string.IsNullOrEmpty(request.Password) ? GeneratePassword() : request.Password;
        await using var transaction = await db.BeginTransactionAsync(ct);
        var id = await accounts.CreateAsync(request.Email, UserRole.Admin, password, ct);
        db.UserProfiles.Add(new UserProfile(id, request.Email.ToLowerInvariant(), "Administrator",
            request.TimeZoneId, UserRole.Admin, clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return string.IsNullOrEmpty(request.Password) ? password : null;
    }

    /// <summary>20 random characters, always including each class the password policy asks for.</summary>
    private static string GeneratePassword()
    {
        const string lower = "abcdefghijkmnpqrstuvwxyz", upper = "ABCDEFGHJKLMNPQRSTUVWXYZ", digits = "23456789", symbols = "!@#$%^&*-_=+?";
        const string all = lower + upper + digits + symbols;
        var chars = new List<char>
        {
            lower[RandomNumberGenerator.GetInt32(lower.Length)], upper[RandomNumberGenerator.GetInt32(upper.Length)],
            digits[RandomNumberGenerator.GetInt32(digits.Length)], symbols[RandomNumberGenerator.GetInt32(symbols.Length)],
        };
        while (chars.Count < 20) chars.Add(all[RandomNumberGenerator.GetInt32(all.Length)]);
        return new string(chars.OrderBy(_ => RandomNumberGenerator.GetInt32(int.MaxValue)).ToArray());
    }
}
