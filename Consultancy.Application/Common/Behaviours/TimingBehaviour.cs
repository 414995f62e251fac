using System.Diagnostics;
using MediatR;
using Microsoft.Extensions.Logging;

namespace Consultancy.Application.Common.Behaviours;

internal sealed class TimingBehaviour<TRequest, TResponse>(ILogger<TRequest> logger)
    : IPipelineBehavior<TRequest, TResponse>
{
    private static readonly TimeSpan SlowThreshold = TimeSpan.FromMilliseconds(500);

    public async Task<TResponse> Handle(TRequest request, CancellationToken ct, RequestHandlerDelegate<TResponse> next)
    {
        var started = Stopwatch.GetTimestamp();
        var response = await next();
        var elapsed = Stopwatch.GetElapsedTime(started);
        if (elapsed > SlowThreshold)
            logger.LogWarning("Slow request {Request}: {Elapsed} ms", typeof(TRequest).Name, (int)elapsed.TotalMilliseconds);
        return response;
    }
}
