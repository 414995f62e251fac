using Consultancy.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Consultancy.Web.Infrastructure;

/// <summary>
/// The second sign-in step (authenticator or recovery code) only makes sense right after a correct password.
/// The Identity UI's pages throw when opened without one — a bookmark, a back button, an expired step — so
/// such a visit goes back to the sign-in page instead of an error.
/// </summary>
public static class TwoFactorSignInStep
{
    public static PageConventionCollection RequirePasswordStepFirst(this PageConventionCollection pages)
    {
        foreach (var page in new[] { "/Account/LoginWith2fa", "/Account/LoginWithRecoveryCode" })
            pages.AddAreaPageApplicationModelConvention("Identity", page, model => model.Filters.Add(new PasswordStepFilter()));
        return pages;
    }

    private sealed class PasswordStepFilter : IAsyncPageFilter
    {
        public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

        public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
        {
            var signIn = context.HttpContext.RequestServices.GetRequiredService<SignInManager<AppUser>>();
            if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
            {
                context.Result = new RedirectToPageResult("/Account/Login", new { area = "Identity" });
                return;
            }
            await next();
        }
    }
}
