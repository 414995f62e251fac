using System.Security.Claims;
using System.Security.Cryptography;
using Consultancy.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Consultancy.Infrastructure.Identity;

/// <summary>Starts, checks and ends the server-side records behind staff sign-in cookies.</summary>
public sealed class StaffSessions(AppDbContext db, TimeProvider clock, IOptions<IdentityOptions> identity)
{
    /// <summary>The claim in the sign-in cookie that names its session.</summary>
    public const string ClaimType = "consultancy:session";

    public async Task<string> StartAsync(string userId, CancellationToken ct)
    {
        var id = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
        db.Add(new StaffSession(id, userId, clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(ct);
        return id;
    }

    /// <summary>
    /// Whether the cookie's session is still open and its user unchanged since it was issued: not signed out there or
    /// everywhere, and no password or role change since (each replaces the security stamp). One query per request.
    /// </summary>
    public async Task<bool> IsActiveAsync(ClaimsPrincipal principal, CancellationToken ct)
    {
        if (SessionOf(principal) is not { } sessionId || principal.FindFirstValue(ClaimTypes.NameIdentifier) is not { } userId) return false;
        // Identity writes the user's security stamp into the cookie; a password or role change replaces the user's.
        var stamp = principal.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
        var current = await db.Set<StaffSession>().AsNoTracking()
            .Where(s => s.Id == sessionId && s.UserId == userId && s.EndedAt == null)
            .Join(db.Users, s => s.UserId, u => u.Id, (_, u) => new { u.SecurityStamp })
            .SingleOrDefaultAsync(ct);
        return current is not null && string.Equals(current.SecurityStamp, stamp, StringComparison.Ordinal);
    }

    public Task EndAsync(string sessionId, CancellationToken ct) =>
        db.Set<StaffSession>().Where(s => s.Id == sessionId && s.EndedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAt, clock.GetUtcNow().UtcDateTime), ct);

    public Task EndAllAsync(string userId, CancellationToken ct) =>
        db.Set<StaffSession>().Where(s => s.UserId == userId && s.EndedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAt, clock.GetUtcNow().UtcDateTime), ct);

    public static string? SessionOf(ClaimsPrincipal? principal) => principal?.FindFirstValue(ClaimType);
}
