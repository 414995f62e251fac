using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Application.Letters;

internal static class LetterStopTokens
{
    public static async Task<LetterRequest?> LetterForStopTokenAsync(this IAppDbContext db, ILetterLinks links, string token, CancellationToken ct) =>
        links.LetterFromStopToken(token) is { } id
            ? await db.LetterRequests.IgnoreQueryFilters().Include(l => l.Client).SingleOrDefaultAsync(l => l.Id == id, ct)
            : null;
}
