using Consultancy.Application.Common;
using Consultancy.Application.Domain;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Application.Letters;

internal static class LetterLookup
{
    /// <summary>The letter, with its client and deadline, if it belongs to the caller's caseload.</summary>
    public static async Task<LetterRequest> GetAsync(this IQueryable<LetterRequest> letters, int id, CancellationToken ct) =>
        await letters.Include(l => l.Client).ThenInclude(c => c!.Consultant).Include(l => l.Deadline).GetByIdAsync(id, ct);

    /// <summary>The request email's wording as the admins left it, or the default one.</summary>
    public static async Task<LetterRequestTemplate> CurrentAsync(this IQueryable<LetterRequestTemplate> templates, CancellationToken ct) =>
        await templates.AsNoTracking().OrderBy(t => t.Id).FirstOrDefaultAsync(ct) ?? new LetterRequestTemplate();
}
