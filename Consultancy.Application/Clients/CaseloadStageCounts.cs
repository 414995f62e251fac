using Consultancy.Application.Common;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Application.Clients;

/// <summary>How many active (not archived) clients of a caseload are at one stage in one season.</summary>
public sealed record StageSeasonCount(ClientStage Stage, string? Season, int Count);

internal static class CaseloadStageCounts
{
    private sealed record Key(string? CaseloadOf, string? ConsultantId);

    /// <summary>
    /// The caseload's active clients by stage and season, optionally of one consultant (an admin's choice), kept in
    /// <see cref="CaseloadTotals"/>: the dashboard's charts and the board's column counts both read it.
    /// </summary>
    public static Task<IReadOnlyList<StageSeasonCount>> StageSeasonCountsAsync(
        this IAppDbContext db, ICurrentUser user, CaseloadTotals totals, string? consultantId, CancellationToken ct) =>
        totals.GetOrCountAsync<IReadOnlyList<StageSeasonCount>>(new Key(user.SeesAllClients ? null : user.UserId, consultantId), async () =>
        {
            var clients = db.Clients.InCaseloadOf(user).Where(c => !c.IsArchived);
            if (consultantId is not null) clients = clients.Where(c => c.ConsultantId == consultantId);
            return await clients.GroupBy(c => new { c.Stage, c.Season })
                .Select(g => new StageSeasonCount(g.Key.Stage, g.Key.Season, g.Count()))
                .ToListAsync(ct);
        });
}
