using Consultancy.Application.Common;
using Consultancy.Application.Common.Exceptions;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Application.Playbooks;

/// <summary>
/// Carries out a run started by <see cref="StartSeasonPlanRun"/>: applies the season's playbook to every active client
/// planning that season on its system, in batches so each batch commits on its own, recording the run's progress
/// after each one.
/// </summary>
public sealed record ApplyPlaybookToSeason(Guid RunId) : IRequest<PlaybookProgress>;

public sealed record PlaybookProgress(int ClientsDone, int ClientsTotal, int DeadlinesCreated);

internal sealed class ApplyPlaybookToSeasonHandler(IAppDbContext db, PlaybookApplication playbooks, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<ApplyPlaybookToSeason, PlaybookProgress>
{
    private const int BatchSize = 200;

    public async Task<PlaybookProgress> Handle(ApplyPlaybookToSeason request, CancellationToken ct)
    {
        user.EnsureAdmin();
        var run = await db.SeasonPlanRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == request.RunId, ct)
            ?? throw new NotFoundException(nameof(SeasonPlanRun), request.RunId);
        var progress = new PlaybookProgress(0, 0, 0);
        try
        {
            var season = await db.Seasons.Include(s => s.KeyDates).SingleOrDefaultAsync(s => s.Id == run.SeasonId, ct)
                ?? throw new NotFoundException(nameof(Season), run.SeasonId);
            var clients = db.Clients.Where(c => !c.IsArchived && !Client.EndStages.Contains(c.Stage) && c.Season == season.Name
                && (c.TargetSystem == season.System || c.TargetSystem == TargetSystem.Both));
            var ids = await clients.OrderBy(c => c.Id).Select(c => c.Id).ToListAsync(ct);

            progress = progress with { ClientsTotal = ids.Count };
            await RecordAsync(run.Id, progress, SeasonPlanRunState.Running, ct);
            foreach (var batch in ids.Chunk(BatchSize))
            {
                var batchClients = await db.Clients.Where(c => batch.Contains(c.Id)).ToListAsync(ct);
                var created = await playbooks.ApplyAsync(season, batchClients, ct);
                progress = progress with { ClientsDone = progress.ClientsDone + batch.Length, DeadlinesCreated = progress.DeadlinesCreated + created };
                await RecordAsync(run.Id, progress, SeasonPlanRunState.Running, ct);
            }
            // Every client is planned by now: recorded even if the app began stopping meanwhile.
            await RecordAsync(run.Id, progress, SeasonPlanRunState.Finished, CancellationToken.None);
            return progress;
        }
        catch
        {
            await RecordStoppedAsync(run.Id, progress);
            throw;
        }
    }

    /// <summary>
    /// Recorded even when the app is stopping (the token is cancelled then). If the database itself failed, this
    /// fails too: the original error is the one worth reporting, and the silent run reads as stopped on its page soon.
    /// </summary>
    private async Task RecordStoppedAsync(Guid runId, PlaybookProgress progress)
    {
        try
        {
            await RecordAsync(runId, progress, SeasonPlanRunState.Stopped, CancellationToken.None);
        }
        catch (Exception)
        {
            // Swallowed on purpose: the caller rethrows the error that stopped the run.
        }
    }

    private Task RecordAsync(Guid runId, PlaybookProgress progress, SeasonPlanRunState state, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.SeasonPlanRuns.Where(r => r.Id == runId).ExecuteUpdateAsync(set => set
            .SetProperty(r => r.State, state)
            .SetProperty(r => r.ClientsDone, progress.ClientsDone)
            .SetProperty(r => r.ClientsTotal, (int?)progress.ClientsTotal)
            .SetProperty(r => r.DeadlinesCreated, progress.DeadlinesCreated)
            .SetProperty(r => r.UpdatedAt, now), ct);
    }
}
