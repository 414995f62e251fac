using Consultancy.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Consultancy.Web.Areas.Identity.Pages.Account;

/// <summary>
/// Replaces the Identity UI's sign-out page: signing out ends the session on the server (see
/// <see cref="AuditedSignInManager.SignOutAsync"/>), and a return address off this site leads to the sign-in page
/// instead of an error.
/// </summary>
public sealed class LogoutModel(SignInManager<AppUser> signIn) : PageModel
{
    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? Page() : RedirectToPage("./Login");

    public async Task<IActionResult> OnPostAsync(string? returnUrl = null)
    {
        await signIn.SignOutAsync();
        return Url.IsLocalUrl(returnUrl) ? LocalRedirect(returnUrl) : RedirectToPage("./Login");
    }
}
