using Consultancy.Application.Dashboard;
using Consultancy.Infrastructure.Identity;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Consultancy.Infrastructure.Jobs;

/// <summary>Queues the daily digest of each consultant whose send hour has passed; the dedup key keeps it to one a day.</summary>
[DisallowConcurrentExecution]
internal sealed class QueueDailyDigestsJob(IServiceProvider services) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
    {
        await using var scope = services.CreateSystemScope();
        await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new QueueDailyDigests(), ct);
    }
}
