using Consultancy.Application.Security;
using Consultancy.Infrastructure.Identity;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Caching.Memory;

namespace Consultancy.Web.Infrastructure;

/// <summary>
/// When admins require two-factor sign-in, a signed-in user without an authenticator is sent to set one up
/// before anything else; only the set-up pages, sign-out, errors and static files stay open to them.
/// </summary>
public static class TwoFactorRequirement
{
    public const string SetUpPath = "/Identity/Account/Manage/EnableAuthenticator";
    private const string RuleCacheKey = "TwoFactorRequirement.Rule";

    /// <summary>
    /// The rule is read at most every 30 seconds per instance, so pages do not pay a query for it; the instance
    /// where an admin changes it forgets its copy at once (<see cref="ForgetRule"/>), others follow within 30 seconds.
    /// </summary>
    public static IServiceCollection AddTwoFactorRequirement(this IServiceCollection services) => services.AddMemoryCache();

    public static void ForgetRule(IMemoryCache cache) => cache.Remove(RuleCacheKey);

    private static readonly string[] OpenPaths =
        [SetUpPath, "/Identity/Account/Manage/ShowRecoveryCodes", "/Identity/Account/Logout", "/Error", "/health"];

    /// <summary>Call after authentication and before the endpoints run.</summary>
    public static IApplicationBuilder UseTwoFactorRequirement(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.User.Identity?.IsAuthenticated != true || IsOpen(context) || !await MustSetUpAsync(context))
        {
            await next(context);
            return;
        }
        var tempData = context.RequestServices.GetRequiredService<ITempDataDictionaryFactory>().GetTempData(context);
        tempData.Flash(FlashKind.Error, "Your consultancy requires two-factor sign-in. Set up an authenticator app to continue.");
        tempData.Save();
        context.Response.Redirect(SetUpPath);
    });

    private static bool IsOpen(HttpContext context) =>
        context.GetEndpoint()?.Metadata.Any(m => m.GetType().FullName == "Microsoft.AspNetCore.StaticAssets.StaticAssetDescriptor") == true
        || OpenPaths.Any(path => context.Request.Path.StartsWithSegments(path, StringComparison.OrdinalIgnoreCase));

    private static async Task<bool> MustSetUpAsync(HttpContext context)
    {
        var mediator = context.RequestServices.GetRequiredService<IMediator>();
        var required = await context.RequestServices.GetRequiredService<IMemoryCache>().GetOrCreateAsync(RuleCacheKey, entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(30);
            return mediator.Send(new GetTwoFactorRequirement(), context.RequestAborted);
        });
        if (!required) return false;
        var users = context.RequestServices.GetRequiredService<UserManager<AppUser>>();
        return await users.GetUserAsync(context.User) is { } user && !await users.GetTwoFactorEnabledAsync(user);
    }
}
