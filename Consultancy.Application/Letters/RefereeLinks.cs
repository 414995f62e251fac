using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Common.Settings;
using Consultancy.Application.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Consultancy.Application.Letters;

public enum RefereeLinkState
{
    Valid,
    /// <summary>Forged, damaged, made for something else, for a deleted letter, or for a referee the letter no longer names.</summary>
    Invalid,
    /// <summary>The letter was closed longer ago than the grace period.</summary>
    Expired,
}

/// <summary>
/// Resolves a referee's token to the one letter it was made for. The signed token is the authority here (no
/// one is signed in), so the lookup goes past the caseload rule for exactly that letter — and only while the
/// letter still names the referee the token was made for.
/// </summary>
internal static class RefereeLinks
{
    public static async Task<(RefereeLinkState State, LetterRequest? Letter)> ResolveAsync(this IAppDbContext db, ILetterLinks links,
        string token, DateTime now, IOptions<LetterSettings> settings, CancellationToken ct)
    {
        if (links.ReadRefereeToken(token) is not { } named) return (RefereeLinkState.Invalid, null);
        var letter = await db.LetterRequests.IgnoreQueryFilters()
            .Include(l => l.Client).ThenInclude(c => c!.Consultant).Include(l => l.Deadline)
            .SingleOrDefaultAsync(l => l.Id == named.LetterId, ct);
        if (letter is null || !string.Equals(letter.RefereeEmail.Trim(), named.RefereeEmail, StringComparison.OrdinalIgnoreCase))
            return (RefereeLinkState.Invalid, null);
        return letter.RefereeLinkWorks(now, settings.Value.RefereeLinkGrace) ? (RefereeLinkState.Valid, letter) : (RefereeLinkState.Expired, null);
    }
}
