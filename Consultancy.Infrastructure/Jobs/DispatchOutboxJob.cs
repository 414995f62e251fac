using Consultancy.Application.Outbox;
using Consultancy.Infrastructure.Identity;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Consultancy.Infrastructure.Jobs;

/// <summary>Sends what is due in the outbox. One run at a time per scheduler; the claim keeps instances apart.</summary>
[DisallowConcurrentExecution]
internal sealed class DispatchOutboxJob(IServiceProvider services) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
    {
        await using var scope = services.CreateSystemScope();
        await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new DispatchOutbox(), ct);
    }
}
