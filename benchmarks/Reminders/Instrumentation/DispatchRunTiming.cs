using Consultancy.Application.Outbox;
using MediatR;

namespace Consultancy.Benchmarks.Reminders.Instrumentation;

/// <summary>Brackets every dispatcher run, whoever starts it (the benchmark itself or the Quartz job).</summary>
internal sealed class DispatchRunTiming(PhaseTimer phases) : IPipelineBehavior<DispatchOutbox, DispatchResult>
{
    public async Task<DispatchResult> Handle(DispatchOutbox request, CancellationToken ct, RequestHandlerDelegate<DispatchResult> next)
    {
        phases.BeginRun();
        try
        {
            return await next();
        }
        finally
        {
            phases.EndRun();
        }
    }
}
