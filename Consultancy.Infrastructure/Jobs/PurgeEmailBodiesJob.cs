using Consultancy.Application.Privacy;
using Consultancy.Infrastructure.Identity;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Consultancy.Infrastructure.Jobs;

/// <summary>Removes the bodies of old finished emails (Privacy:EmailBodyRetentionDays), a few times a day.</summary>
[DisallowConcurrentExecution]
internal sealed class PurgeEmailBodiesJob(IServiceProvider services) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
    {
        await using var scope = services.CreateSystemScope();
        await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new PurgeOldEmailBodies(), ct);
    }
}
