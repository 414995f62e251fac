using Consultancy.Application.Common;
using Consultancy.Application.Domain;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Application.Letters;

internal static class LetterLookup
{
    /// <summary>The letter, with its client and deadline, if it belongs to the caller's caseload.</summary>
    public static async Task<LetterRequest> GetAsync(this IQueryable<LetterRequest> letters, int id, CancellationToken ct) =>
        await letters.Include(l => l.Client).ThenInclude(c => c!.Consultant).Include(l => l.Deadline).GetByIdAsync(id, ct);
}
