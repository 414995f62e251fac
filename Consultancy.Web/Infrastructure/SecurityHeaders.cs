using Microsoft.AspNetCore.CookiePolicy;

namespace Consultancy.Web.Infrastructure;

/// <summary>
/// Response headers and cookie rules that every answer of the app carries: pages, static files, error pages
/// and the public links alike.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// Only the app's own scripts, styles, images and fonts; no inline script or style (handlers live in
    /// wwwroot/js), no plugins, no framing, forms post only back to the app. Bootstrap's stylesheet draws its
    /// icons from data: URIs.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
        + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// Adds the headers to every response, set as it starts so that error pages re-executed after the response
    /// was cleared carry them too. Call first in the pipeline.
    /// </summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            // Public links carry their token in the path: never hand it to another site.
            headers["Referrer-Policy"] = "same-origin";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
            return Task.CompletedTask;
        });
        return next(context);
    });

    /// <summary>
    /// Every cookie the app sets (sign-in, two-factor, antiforgery, TempData) is HttpOnly and SameSite=Lax or
    /// stricter, and Secure outside Development. Browsers keep Secure cookies set over plain http only on
    /// localhost, so outside Development the app must be served over https except on the local machine.
    /// </summary>
    public static IServiceCollection AddCookieHardening(this IServiceCollection services, IWebHostEnvironment environment)
    {
        var secure = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        services.Configure<CookiePolicyOptions>(policy =>
        {
            policy.HttpOnly = HttpOnlyPolicy.Always;
            policy.Secure = secure;
            policy.MinimumSameSitePolicy = SameSiteMode.Lax;
        });
        // The cookie policy above makes this cookie Secure too. Setting Always here instead would make antiforgery
        // refuse every plain-http request outright (a TLS-terminating proxy, a local run) with an error.
        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = "Consultancy.Antiforgery";
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
        });
        return services;
    }
}
