using System.Globalization;
using System.Threading.RateLimiting;
using Consultancy.Application.Common.Settings;
using Consultancy.Infrastructure.Hosting;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Consultancy.Web.Infrastructure;

/// <summary>
/// Per-IP limits on the endpoints anyone can reach without signing in, so that password guessing, reset-mail
/// floods and token scanning slow to a crawl. Each policy is a fixed window: <c>PermitLimit</c> requests per
/// <c>WindowSeconds</c> per client IP, configurable under <c>RateLimits:{Section}</c>. A refused request gets
/// 429 with <c>Retry-After</c> and the friendly error page.
/// </summary>
public static class RateLimits
{
    /// <summary>Every policy: its name (for <c>[EnableRateLimiting]</c>), its configuration section and what it limits.</summary>
    public static readonly IReadOnlyList<RateLimitPolicy> Policies =
    [
        new(RateLimitPolicyNames.SignIn, nameof(RateLimitOptions.SignIn), o => o.SignIn, PostsOnly: true),
        new(RateLimitPolicyNames.PasswordReset, nameof(RateLimitOptions.PasswordReset), o => o.PasswordReset, PostsOnly: true),
        new(RateLimitPolicyNames.PublicLinks, nameof(RateLimitOptions.PublicLinks), o => o.PublicLinks, PostsOnly: false),
        new(RateLimitPolicyNames.Booking, nameof(RateLimitOptions.Booking), o => o.Booking, PostsOnly: true),
    ];

    public static IServiceCollection AddRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<RateLimitOptions>(configuration, RateLimitOptions.Section);
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (rejected, _) =>
            {
                if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                    rejected.HttpContext.Response.Headers.RetryAfter = Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
        });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>>((options, limits) =>
        {
            foreach (var policy in Policies)
            {
                var window = policy.Limit(limits.Value);
                var limiter = new FixedWindowRateLimiterOptions
                {
                    PermitLimit = window.PermitLimit,
                    Window = TimeSpan.FromSeconds(window.WindowSeconds),
                    QueueLimit = 0,
                };
                options.AddPolicy(policy.Name, http => policy.PostsOnly && !HttpMethods.IsPost(http.Request.Method)
                    ? RateLimitPartition.GetNoLimiter("read")
                    : RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => limiter));
            }
        });
        return services;
    }

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

/// <param name="Section">Its settings under <c>RateLimits:</c>.</param>
public sealed record RateLimitPolicy(string Name, string Section, Func<RateLimitOptions, FixedWindowLimit> Limit, bool PostsOnly);

/// <summary>The <c>RateLimits</c> section: one fixed window per policy.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Sign-in and two-factor code posts.</summary>
    [ValidateObjectMembers] public FixedWindowLimit SignIn { get; set; } = new() { PermitLimit = 20, WindowSeconds = 60 };

    /// <summary>Forgot- and reset-password posts.</summary>
    [ValidateObjectMembers] public FixedWindowLimit PasswordReset { get; set; } = new() { PermitLimit = 10, WindowSeconds = 900 };

    /// <summary>Requests, GET and POST alike, to unsubscribe, referee and stop-follow-up links and calendar feeds.</summary>
    [ValidateObjectMembers] public FixedWindowLimit PublicLinks { get; set; } = new() { PermitLimit = 30, WindowSeconds = 60 };

    /// <summary>Booking, move and cancel posts on the public booking pages.</summary>
    [ValidateObjectMembers] public FixedWindowLimit Booking { get; set; } = new() { PermitLimit = 10, WindowSeconds = 600 };
}

/// <summary><see cref="PermitLimit"/> requests per <see cref="WindowSeconds"/> per client IP.</summary>
public sealed class FixedWindowLimit
{
    [AtLeast(1)] public int PermitLimit { get; set; }
    [AtLeast(1)] public int WindowSeconds { get; set; }
}
