using System.Security.Claims;
using System.Security.Cryptography;
using Consultancy.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Infrastructure.Identity;

/// <summary>Starts, checks and ends the server-side records behind staff sign-in cookies.</summary>
public sealed class StaffSessions(AppDbContext db, TimeProvider clock)
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
    /// Whether the cookie's session is still open: not signed out there or everywhere, and not ended by a password or
    /// role change or a deactivation since. One query per request.
    /// </summary>
    public async Task<bool> IsActiveAsync(ClaimsPrincipal principal, CancellationToken ct)
    {
        if (SessionOf(principal) is not { } sessionId || principal.FindFirstValue(ClaimTypes.NameIdentifier) is not { } userId) return false;
        return await db.Set<StaffSession>().AnyAsync(s => s.Id == sessionId && s.UserId == userId && s.EndedAt == null, ct);
    }

    public Task<bool> IsOpenAsync(string sessionId, CancellationToken ct) =>
        db.Set<StaffSession>().AnyAsync(s => s.Id == sessionId && s.EndedAt == null, ct);

    public Task EndAsync(string sessionId, CancellationToken ct) =>
        db.Set<StaffSession>().Where(s => s.Id == sessionId && s.EndedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAt, clock.GetUtcNow().UtcDateTime), ct);

    public Task EndAllAsync(string userId, CancellationToken ct) =>
        db.Set<StaffSession>().Where(s => s.UserId == userId && s.EndedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAt, clock.GetUtcNow().UtcDateTime), ct);

    public static string? SessionOf(ClaimsPrincipal? principal) => principal?.FindFirstValue(ClaimType);
}
