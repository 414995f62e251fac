using Microsoft.AspNetCore.Authorization;

namespace Consultancy.Web.Infrastructure;

/// <summary>
/// The only routes anyone can reach without signing in; every other route needs a signed-in user (the
/// authorization fallback policy). This list is the source of truth: <see cref="OpenOnlyPublicRoutes"/> marks
/// exactly these routes anonymous and takes the mark off every other one — including the Identity UI pages
/// that come marked anonymous by default (external sign-in, e-mail confirmation), which this app does not use.
/// Stylesheets and scripts are not routes of the app and are mapped public on their own.
/// </summary>
public static class PublicEndpoints
{
    public static readonly IReadOnlyList<PublicEndpoint> Routes =
    [
        new("/health", "Health probe for the host and load balancer."),
        new("Error", "The error page, shown to anyone who hits an error."),
        new("Error/{status:int}", "Status pages (404, 403, 429...), shown to anyone."),
        new("Identity/Error", "The Identity UI's error page."),

        new("Identity/Account/Login", "Sign-in."),
        new("Identity/Account/LoginWith2fa", "Sign-in, second step with an authenticator code."),
        new("Identity/Account/LoginWithRecoveryCode", "Sign-in, second step with a recovery code."),
        new("Identity/Account/Lockout", "Shown after too many failed sign-ins."),
        new("Identity/Account/ForgotPassword", "Request a password reset link."),
        new("Identity/Account/ForgotPasswordConfirmation", "\"Check your inbox\" after a reset request."),
        new("Identity/Account/ResetPassword", "The emailed reset link and the invitation's set-password link."),
        new("Identity/Account/ResetPasswordConfirmation", "\"Password changed\" after a reset."),
        new("Identity/Account/AccessDenied", "The Identity UI's access-denied page."),
        new("Identity/Account/Logout", "Signing out works even when the session has just expired."),
        new("Identity/Account/Register", "Answers 404: staff are invited, nobody registers."),

        new("book", "Public booking: pick an advisor."),
        new("book/{slug}", "Public booking: an advisor's free times."),
        new("book/{slug}/details", "Public booking: the applicant's details."),
        new("book/manage/{token}", "The applicant's signed link to their booking."),
        new("book/manage/{token}/cancel", "The applicant cancels through their signed link."),
        new("book/manage/{token}/reschedule", "The applicant moves the call through their signed link."),
        new("book/manage/{token}/reschedule/confirm", "The applicant confirms the new time."),

        new("u/{token}", "One-click unsubscribe from reminder emails (RFC 8058)."),
        new("letters/r/{token}", "The referee's page: confirm, decline or report the upload."),
        new("letters/stop/{token}", "The referee stops follow-up emails."),
        new("calendar/{token}.ics", "A consultant's private calendar feed, read by calendar apps without cookies."),
    ];

    private static readonly HashSet<string> Patterns = Routes.Select(r => r.Route).ToHashSet(StringComparer.Ordinal);

    /// <summary>Makes the endpoints of <paramref name="builder"/> anonymous exactly when their route is listed.</summary>
    public static TBuilder OpenOnlyPublicRoutes<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        builder.Add(endpoint =>
        {
            if (endpoint is not RouteEndpointBuilder route) return;
            for (var i = endpoint.Metadata.Count - 1; i >= 0; i--)
                if (endpoint.Metadata[i] is IAllowAnonymous) endpoint.Metadata.RemoveAt(i);
            if (route.RoutePattern.RawText is { } pattern && Patterns.Contains(pattern))
                endpoint.Metadata.Add(new AllowAnonymousAttribute());
        });
        return builder;
    }
}

/// <param name="Route">The endpoint's route pattern, as ASP.NET Core reports it.</param>
/// <param name="Why">Who needs it without signing in.</param>
public sealed record PublicEndpoint(string Route, string Why);
