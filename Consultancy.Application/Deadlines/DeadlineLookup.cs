using Consultancy.Application.Common;
using Consultancy.Application.Domain;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Application.Deadlines;

internal static class DeadlineLookup
{
    /// <summary>The deadline, with its client, if it belongs to the caller's caseload.</summary>
    public static async Task<Deadline> GetWithClientAsync(this IQueryable<Deadline> deadlines, int id, CancellationToken ct) =>
        await deadlines.Include(d => d.Client).GetByIdAsync(id, ct);
}
