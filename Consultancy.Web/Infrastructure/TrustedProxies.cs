using System.ComponentModel.DataAnnotations;
using System.Net;
using Consultancy.Infrastructure.Hosting;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace Consultancy.Web.Infrastructure;

/// <summary>
/// The reverse proxies whose X-Forwarded-For and X-Forwarded-Proto headers are believed (section <c>ReverseProxy</c>).
/// None by default: a header from anyone else is ignored, so nobody can pose as another address to the rate limits
/// and the security log, or as https. X-Forwarded-Host is never used: emailed links come from <c>App:BaseUrl</c>.
/// </summary>
public sealed class ReverseProxyOptions : IValidatableObject
{
    public const string Section = "ReverseProxy";

    /// <summary>Addresses of the proxies in front of the app, e.g. "127.0.0.1" for nginx on the same machine.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks the proxies are in, in CIDR notation, e.g. "10.0.0.0/24".</summary>
    public List<string> KnownNetworks { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext context)
    {
        if (KnownProxies.Any(proxy => !IPAddress.TryParse(proxy, out _)))
            yield return new ValidationResult($"{Section}:KnownProxies must list IP addresses, e.g. 127.0.0.1.");
        if (KnownNetworks.Any(network => !System.Net.IPNetwork.TryParse(network, out _)))
            yield return new ValidationResult($"{Section}:KnownNetworks must list networks in CIDR notation, e.g. 10.0.0.0/24.");
    }
}

public static class TrustedProxies
{
    public static IServiceCollection AddTrustedProxies(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<ReverseProxyOptions>(configuration, ReverseProxyOptions.Section);
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ReverseProxyOptions>>((forwarded, proxies) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // ASP.NET Core trusts loopback by default; here only what the configuration names is trusted.
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var proxy in proxies.Value.KnownProxies) forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
            foreach (var network in proxies.Value.KnownNetworks) forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        });
        return services;
    }

    /// <summary>
    /// Reads the forwarded headers only when a proxy is configured: with no proxy listed, ASP.NET Core's middleware
    /// would believe the headers from anyone.
    /// </summary>
    public static IApplicationBuilder UseTrustedProxyHeaders(this IApplicationBuilder app)
    {
        var proxies = app.ApplicationServices.GetRequiredService<IOptions<ReverseProxyOptions>>().Value;
        return proxies.KnownProxies.Count + proxies.KnownNetworks.Count > 0 ? app.UseForwardedHeaders() : app;
    }
}
