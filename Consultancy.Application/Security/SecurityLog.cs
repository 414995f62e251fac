using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Application.Security;

/// <summary>
/// Adds an entry to the security log inside the caller's unit of work: the caller's SaveChanges writes it
/// together with the change it records, so the log never claims a change that was rolled back. Use cases that
/// touch accounts or hand out personal data (role changes, deactivation, exports, erasure) call this.
/// </summary>
public sealed class SecurityLog(IAppDbContext db, ICurrentUser user, IRequestOrigin origin, TimeProvider clock)
{
    /// <param name="actor">Who acted, when it is not the signed-in user (a sign-in attempt names the typed address).</param>
    public async Task RecordAsync(SecurityEventKind kind, string? subject, string? detail, CancellationToken ct, string? actor = null)
    {
        actor ??= user.IsSystem ? "system"
            : user.UserId is { } id ? await db.UserProfiles.Where(u => u.Id == id).Select(u => u.Email).SingleOrDefaultAsync(ct) ?? id
            : null;
        db.SecurityEvents.Add(new SecurityEvent(clock.GetUtcNow().UtcDateTime, kind, actor, subject, detail, origin.IpAddress));
    }

    /// <summary>
    /// How the log names a client: by id only, which survives erasure. The log must not become another copy of the
    /// personal data it guards.
    /// </summary>
    public static string ClientSubject(int clientId) => $"Client #{clientId}";
}
