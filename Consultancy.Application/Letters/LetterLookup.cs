using Consultancy.Application.Common;
using Consultancy.Application.Common.Exceptions;
using Consultancy.Application.Domain;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Application.Letters;

internal static class LetterLookup
{
    /// <summary>The letter, with its client and deadline, if it belongs to the caller's caseload.</summary>
    public static async Task<LetterRequest> GetAsync(this IQueryable<LetterRequest> letters, int id, CancellationToken ct) =>
        await letters.Include(l => l.Client).ThenInclude(c => c!.Consultant).Include(l => l.Deadline).GetByIdAsync(id, ct);

    /// <summary>Letters with the applications they go to and those applications' programs, as <see cref="LetterRequest.AssignTo"/> needs.</summary>
    public static IQueryable<LetterRequest> WithAssignments(this IQueryable<LetterRequest> letters) =>
        letters.Include(l => l.Assignments).ThenInclude(a => a.Application).ThenInclude(a => a!.Program);

    /// <summary>
    /// The client's applications with these ids, with their programs, for a letter to go to; refused, on
    /// <paramref name="field"/>, when one is not the client's (or not in the caller's caseload, or gone).
    /// </summary>
    public static async Task<List<ProgramApplication>> ChosenForLetterAsync(this IQueryable<ProgramApplication> applications, int clientId,
        IReadOnlyCollection<int> ids, string field, CancellationToken ct)
    {
        var distinct = ids.Distinct().ToList();
        if (distinct.Count == 0) return [];
        var chosen = await applications.Include(a => a.Program).Where(a => a.ClientId == clientId && distinct.Contains(a.Id)).ToListAsync(ct);
        if (chosen.Count != distinct.Count)
            throw new ValidationException(field, "One of the chosen applications is not this client's, or was removed; reload the page and choose again.");
        return chosen;
    }

    /// <summary>The request email's wording as the admins left it, or the default one.</summary>
    public static async Task<LetterRequestTemplate> CurrentAsync(this IQueryable<LetterRequestTemplate> templates, CancellationToken ct) =>
        await templates.AsNoTracking().OrderBy(t => t.Id).FirstOrDefaultAsync(ct) ?? new LetterRequestTemplate();
}
