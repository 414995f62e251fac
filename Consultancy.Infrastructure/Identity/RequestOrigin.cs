using Consultancy.Application.Common.Interfaces;
using Microsoft.AspNetCore.Http;

namespace Consultancy.Infrastructure.Identity;

/// <summary>The connection's remote address. Behind a reverse proxy this is the proxy unless forwarded headers are configured.</summary>
internal sealed class RequestOrigin(IHttpContextAccessor http) : IRequestOrigin
{
    public string? IpAddress => http.HttpContext?.Connection.RemoteIpAddress?.ToString();
}
