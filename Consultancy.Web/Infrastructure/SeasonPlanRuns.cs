using System.Collections.Concurrent;
using Consultancy.Application.Playbooks;
using Consultancy.Infrastructure.Identity;
using MediatR;

namespace Consultancy.Web.Infrastructure;

/// <summary>
/// Applying a season's plan to every client can take a while, so it runs in the background and its page
/// shows how far it got. Runs live in this process only; a restart forgets finished ones (the deadlines stay).
/// </summary>
public sealed class SeasonPlanRuns(IServiceProvider services, IHostApplicationLifetime lifetime, ILogger<SeasonPlanRuns> logger)
{
    private readonly ConcurrentDictionary<Guid, SeasonPlanRun> _runs = new();

    public SeasonPlanRun? Find(Guid id) => _runs.GetValueOrDefault(id);

    public SeasonPlanRun Start(int seasonId, string seasonName)
    {
        var run = new SeasonPlanRun(Guid.NewGuid(), seasonId, seasonName);
        _runs[run.Id] = run;
        _ = Task.Run(() => ExecuteAsync(run), lifetime.ApplicationStopping);
        return run;
    }

    private async Task ExecuteAsync(SeasonPlanRun run)
    {
        try
        {
            await using var scope = services.CreateSystemScope();
            var progress = new Progress(run);
            run.Progress = await scope.ServiceProvider.GetRequiredService<IMediator>()
                .Send(new ApplyPlaybookToSeason(run.SeasonId, progress), lifetime.ApplicationStopping);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            logger.LogError(error, "Applying the plan of season {Season} failed", run.SeasonId);
            run.Failed = true;
        }
        finally
        {
            run.Finished = true;
        }
    }

    private sealed class Progress(SeasonPlanRun run) : IProgress<PlaybookProgress>
    {
        public void Report(PlaybookProgress value) => run.Progress = value;
    }
}

public sealed class SeasonPlanRun(Guid id, int seasonId, string seasonName)
{
    public Guid Id { get; } = id;
    public int SeasonId { get; } = seasonId;
    public string SeasonName { get; } = seasonName;
    public volatile PlaybookProgress? Progress;
    public volatile bool Finished;
    public volatile bool Failed;
}
