using Consultancy.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Consultancy.Web.Infrastructure;

/// <summary>
/// Turning two-factor sign-in off and making new recovery codes only make sense while it is on. The Identity UI's
/// pages throw otherwise (a bookmark, a second tab, the back button); here such a visit goes to the two-factor
/// settings page instead of an error.
/// </summary>
public static class TwoFactorSettingsPages
{
    public static PageConventionCollection RequireTwoFactorOnFor2faSettings(this PageConventionCollection pages)
    {
        foreach (var page in new[] { "/Account/Manage/Disable2fa", "/Account/Manage/GenerateRecoveryCodes" })
            pages.AddAreaPageApplicationModelConvention("Identity", page, model => model.Filters.Add(new TwoFactorOnFilter()));
        return pages;
    }

    private sealed class TwoFactorOnFilter : IAsyncPageFilter
    {
        public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

        public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
        {
            var users = context.HttpContext.RequestServices.GetRequiredService<UserManager<AppUser>>();
            if (await users.GetUserAsync(context.HttpContext.User) is { } user && !await users.GetTwoFactorEnabledAsync(user))
            {
                context.Result = new RedirectToPageResult("/Account/Manage/TwoFactorAuthentication", new { area = "Identity" });
                return;
            }
            await next();
        }
    }
}
