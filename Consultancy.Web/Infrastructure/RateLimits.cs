using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.RateLimiting;

namespace Consultancy.Web.Infrastructure;

/// <summary>
/// Per-IP limits on the endpoints anyone can reach without signing in, so that password guessing, reset-mail
/// floods and token scanning slow to a crawl. Each policy is a fixed window: <c>PermitLimit</c> requests per
/// <c>WindowSeconds</c> per client IP, configurable under <c>RateLimits:{Section}</c>. A refused request gets
/// 429 with <c>Retry-After</c> and the friendly error page.
/// </summary>
public static class RateLimits
{
    /// <summary>Every policy: its name (for <c>[EnableRateLimiting]</c>), configuration section and defaults.</summary>
    public static readonly IReadOnlyList<RateLimitPolicy> Policies =
    [
        new(RateLimitPolicyNames.SignIn, "SignIn", PermitLimit: 20, WindowSeconds: 60, PostsOnly: true),
        new(RateLimitPolicyNames.PasswordReset, "PasswordReset", PermitLimit: 10, WindowSeconds: 900, PostsOnly: true),
        new(RateLimitPolicyNames.PublicLinks, "PublicLinks", PermitLimit: 30, WindowSeconds: 60, PostsOnly: false),
        new(RateLimitPolicyNames.Booking, "Booking", PermitLimit: 10, WindowSeconds: 600, PostsOnly: true),
    ];

    public static IServiceCollection AddRateLimits(this IServiceCollection services, IConfiguration configuration) =>
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (rejected, _) =>
            {
                if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                    rejected.HttpContext.Response.Headers.RetryAfter = Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
            foreach (var policy in Policies)
            {
                var section = configuration.GetSection($"RateLimits:{policy.Section}");
                var limiter = new FixedWindowRateLimiterOptions
                {
                    PermitLimit = section.GetValue("PermitLimit", policy.PermitLimit),
                    Window = TimeSpan.FromSeconds(section.GetValue("WindowSeconds", policy.WindowSeconds)),
                    QueueLimit = 0,
                };
                options.AddPolicy(policy.Name, http => policy.PostsOnly && !HttpMethods.IsPost(http.Request.Method)
                    ? RateLimitPartition.GetNoLimiter("read")
                    : RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => limiter));
            }
        });

    /// <summary>The Identity UI's sign-in, two-factor and password pages carry the sign-in and reset policies.</summary>
    public static PageConventionCollection AddIdentityRateLimits(this PageConventionCollection pages)
    {
        foreach (var page in new[] { "/Account/Login", "/Account/LoginWith2fa", "/Account/LoginWithRecoveryCode" })
            pages.AddAreaPageApplicationModelConvention("Identity", page, Limit(RateLimitPolicyNames.SignIn));
        foreach (var page in new[] { "/Account/ForgotPassword", "/Account/ResetPassword", "/Account/ResendEmailConfirmation" })
            pages.AddAreaPageApplicationModelConvention("Identity", page, Limit(RateLimitPolicyNames.PasswordReset));
        return pages;
    }

    private static Action<PageApplicationModel> Limit(string policy) =>
        model => model.EndpointMetadata.Add(new EnableRateLimitingAttribute(policy));
}

/// <summary>The rate-limit policy names, for <c>[EnableRateLimiting(...)]</c> on public endpoints.</summary>
public static class RateLimitPolicyNames
{
    public const string SignIn = "sign-in";
    public const string PasswordReset = "password-reset";
    /// <summary>Login-free links: unsubscribe, the referee's page, stop follow-ups, a consultant's calendar feed.</summary>
    public const string PublicLinks = "public-links";
    /// <summary>Posts on the public booking pages (book a call, move or cancel a booking), so one address cannot fill a calendar.</summary>
    public const string Booking = "booking";
}

public sealed record RateLimitPolicy(string Name, string Section, int PermitLimit, int WindowSeconds, bool PostsOnly);
