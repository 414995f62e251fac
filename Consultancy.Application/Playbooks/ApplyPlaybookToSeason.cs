using Consultancy.Application.Common.Exceptions;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using Consultancy.Application.Users;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Application.Playbooks;

/// <summary>
/// Applies a season's playbook to every active client planning that season on its system, in batches so
/// each batch commits on its own and a long run reports progress as it goes.
/// </summary>
public sealed record ApplyPlaybookToSeason(int SeasonId, IProgress<PlaybookProgress>? Progress = null) : IRequest<PlaybookProgress>;

public sealed record PlaybookProgress(int ClientsDone, int ClientsTotal, int DeadlinesCreated);

internal sealed class ApplyPlaybookToSeasonHandler(IAppDbContext db, PlaybookApplication playbooks, ICurrentUser user)
    : IRequestHandler<ApplyPlaybookToSeason, PlaybookProgress>
{
    private const int BatchSize = 200;

    public async Task<PlaybookProgress> Handle(ApplyPlaybookToSeason request, CancellationToken ct)
    {
        user.EnsureAdmin();
        var season = await db.Seasons.Include(s => s.KeyDates).SingleOrDefaultAsync(s => s.Id == request.SeasonId, ct)
            ?? throw new NotFoundException(nameof(Season), request.SeasonId);
        var clients = db.Clients.Where(c => !c.IsArchived && c.Season == season.Name
            && (c.TargetSystem == season.System || c.TargetSystem == TargetSystem.Both));
        var ids = await clients.OrderBy(c => c.Id).Select(c => c.Id).ToListAsync(ct);

        var progress = new PlaybookProgress(0, ids.Count, 0);
        foreach (var batch in ids.Chunk(BatchSize))
        {
            var batchClients = await db.Clients.Where(c => batch.Contains(c.Id)).ToListAsync(ct);
            var created = await playbooks.ApplyAsync(season, batchClients, ct);
            progress = progress with { ClientsDone = progress.ClientsDone + batch.Length, DeadlinesCreated = progress.DeadlinesCreated + created };
            request.Progress?.Report(progress);
        }
        return progress;
    }
}
