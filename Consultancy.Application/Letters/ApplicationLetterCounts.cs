using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Application.Letters;

/// <summary>What the per-program letter rules read of clients' applications.</summary>
internal static class ApplicationLetterCounts
{
    /// <summary>
    /// For each of <paramref name="clientIds"/>, the applications of the client's season (of every season when the client
    /// has none) still in the running, each with how many of the letters assigned to it count, in the applications page's
    /// order. One query whatever the number of clients and applications.
    /// </summary>
    public static async Task<ILookup<int, ApplicationLetters>> ReadAsync(IAppDbContext db, IReadOnlyCollection<int> clientIds, CancellationToken ct)
    {
        var rows = await db.ProgramApplications.AsNoTracking()
            .Where(a => clientIds.Contains(a.ClientId)
                && a.Status != ApplicationStatus.Withdrawn && a.Status != ApplicationStatus.Rejected
                && (a.Client!.Season == null || a.Client.Season == a.Season))
            .OrderBy(a => a.Status).ThenBy(a => a.Program!.Name).ThenBy(a => a.Id)
            .Select(a => new
            {
                a.ClientId,
                Facts = new ApplicationLetters(a.Program!.System, a.Program.Name, a.Status,
                    db.LetterAssignments.Count(l => l.ApplicationId == a.Id
                        && l.LetterRequest!.Status != LetterStatus.Declined && l.LetterRequest.Status != LetterStatus.Cancelled)),
            })
            .ToListAsync(ct);
        return rows.ToLookup(r => r.ClientId, r => r.Facts);
    }
}
