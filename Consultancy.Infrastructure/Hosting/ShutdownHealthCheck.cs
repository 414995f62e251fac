using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace Consultancy.Infrastructure.Hosting;

/// <summary>
/// Unhealthy from the moment the host starts shutting down, so a load balancer polling <c>/health</c> stops
/// sending new requests while running requests and jobs finish.
/// </summary>
public sealed class ShutdownHealthCheck(IHostApplicationLifetime lifetime) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(lifetime.ApplicationStopping.IsCancellationRequested
            ? HealthCheckResult.Unhealthy("The application is shutting down.")
            : HealthCheckResult.Healthy());
}
