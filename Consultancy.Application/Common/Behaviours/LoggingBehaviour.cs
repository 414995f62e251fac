using Consultancy.Application.Common.Interfaces;
using MediatR;
using Microsoft.Extensions.Logging;

namespace Consultancy.Application.Common.Behaviours;

internal sealed class LoggingBehaviour<TRequest, TResponse>(ILogger<TRequest> logger, ICurrentUser user)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken ct, RequestHandlerDelegate<TResponse> next)
    {
        // Only the request's type and the user: requests carry personal data that must not reach the logs.
        logger.LogDebug("Handling {Request} for {User}", typeof(TRequest).Name, user.IsSystem ? "system" : user.UserId);
        try
        {
            return await next();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogInformation("{Request} for {User} ended with {Error}", typeof(TRequest).Name, user.UserId, ex.GetType().Name);
            throw;
        }
    }
}
