using System.Security.Claims;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Consultancy.Infrastructure.Identity;

/// <summary>
/// The signed-in user of the current request, or the system itself inside a scope made by
/// <see cref="SystemScope.CreateSystemScope"/> (start-up tasks, background jobs). Nobody else sees any client.
/// </summary>
public sealed class CurrentUser(IHttpContextAccessor http) : ICurrentUser
{
    private bool _isSystem;

    private ClaimsPrincipal? Principal =>
        http.HttpContext?.User is { Identity.IsAuthenticated: true } user ? user : null;

    public string? UserId => _isSystem ? null : Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
    public bool IsAdmin => !_isSystem && Principal?.IsInRole(Roles.Admin) == true;
    public bool IsSystem => _isSystem;

    internal void BecomeSystem() => _isSystem = true;
}

public static class SystemScope
{
    /// <summary>A DI scope whose work is done by the system: it sees every client, whatever the HTTP context.</summary>
    public static AsyncServiceScope CreateSystemScope(this IServiceProvider services)
    {
        var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().BecomeSystem();
        return scope;
    }
}
