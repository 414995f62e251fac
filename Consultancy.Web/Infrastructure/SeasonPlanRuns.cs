using Consultancy.Application.Playbooks;
using Consultancy.Infrastructure.Identity;
using MediatR;

namespace Consultancy.Web.Infrastructure;

/// <summary>
/// Applying a season's plan to every client can take a while, so this instance carries the run out in the
/// background; the run records its progress in the database, where the progress page reads it on any instance.
/// </summary>
public sealed class SeasonPlanRuns(IServiceProvider services, IHostApplicationLifetime lifetime, ILogger<SeasonPlanRuns> logger)
{
    public void Start(Guid runId) => _ = Task.Run(() => ExecuteAsync(runId), lifetime.ApplicationStopping);

    private async Task ExecuteAsync(Guid runId)
    {
        try
        {
            await using var scope = services.CreateSystemScope();
            await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new ApplyPlaybookToSeason(runId), lifetime.ApplicationStopping);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            logger.LogError(error, "Season plan run {Run} stopped with an error", runId);
        }
    }
}
