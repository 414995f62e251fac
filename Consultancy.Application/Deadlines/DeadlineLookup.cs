using Consultancy.Application.Common.Exceptions;
using Consultancy.Application.Domain;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Application.Deadlines;

internal static class DeadlineLookup
{
    /// <summary>The deadline, with its client, if it belongs to the caller's caseload.</summary>
    public static async Task<Deadline> GetWithClientAsync(this IQueryable<Deadline> deadlines, int id, CancellationToken ct) =>
        await deadlines.Include(d => d.Client).SingleOrDefaultAsync(d => d.Id == id, ct)
        ?? throw new NotFoundException(nameof(Deadline), id);
}
