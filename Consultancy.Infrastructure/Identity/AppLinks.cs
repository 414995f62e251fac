using Consultancy.Application.Common.Interfaces;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace Consultancy.Infrastructure.Identity;

/// <summary>
/// Absolute links for emails: <c>App:BaseUrl</c> when set (required behind a proxy), otherwise the
/// address the current request came in on.
/// </summary>
public sealed class AppLinks(IConfiguration configuration, IHttpContextAccessor http) : IAppLinks
{
    public string Absolute(string pathAndQuery)
    {
        var configured = configuration["App:BaseUrl"];
        var request = http.HttpContext?.Request;
        var baseUrl = !string.IsNullOrWhiteSpace(configured) ? configured
            : request is not null ? $"{request.Scheme}://{request.Host}{request.PathBase}"
            : "http://localhost:5000";
        return baseUrl.TrimEnd('/') + pathAndQuery;
    }
}
