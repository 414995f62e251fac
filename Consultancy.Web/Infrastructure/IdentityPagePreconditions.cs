using Consultancy.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Consultancy.Web.Infrastructure;

/// <summary>
/// Identity UI pages that make sense only in one state, and throw when opened outside it (a bookmark, the back
/// button, a second tab, an expired step): such a visit goes to the page that does make sense instead of an error.
/// </summary>
public static class IdentityPagePreconditions
{
    /// <summary>The second sign-in step (authenticator or recovery code) only right after a correct password.</summary>
    public static PageConventionCollection RequirePasswordStepFirst(this PageConventionCollection pages) =>
        pages.Require(["/Account/LoginWith2fa", "/Account/LoginWithRecoveryCode"], "/Account/Login",
            async http => await http.RequestServices.GetRequiredService<SignInManager<AppUser>>().GetTwoFactorAuthenticationUserAsync() is not null);

    /// <summary>Turning two-factor sign-in off and making new recovery codes only while it is on.</summary>
    public static PageConventionCollection RequireTwoFactorOnFor2faSettings(this PageConventionCollection pages) =>
        pages.Require(["/Account/Manage/Disable2fa", "/Account/Manage/GenerateRecoveryCodes"], "/Account/Manage/TwoFactorAuthentication",
            async http =>
            {
                var users = http.RequestServices.GetRequiredService<UserManager<AppUser>>();
                return await users.GetUserAsync(http.User) is not { } user || await users.GetTwoFactorEnabledAsync(user);
            });

    private static PageConventionCollection Require(this PageConventionCollection pages, string[] pageNames, string otherwise,
        Func<HttpContext, Task<bool>> holds)
    {
        foreach (var page in pageNames)
            pages.AddAreaPageApplicationModelConvention("Identity", page, model => model.Filters.Add(new PreconditionFilter(holds, otherwise)));
        return pages;
    }

    private sealed class PreconditionFilter(Func<HttpContext, Task<bool>> holds, string otherwise) : IAsyncPageFilter
    {
        public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

        public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
        {
            if (!await holds(context.HttpContext))
            {
                context.Result = new RedirectToPageResult(otherwise, new { area = "Identity" });
                return;
            }
            await next();
        }
    }
}
