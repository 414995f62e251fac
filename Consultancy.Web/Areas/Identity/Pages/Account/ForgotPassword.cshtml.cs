using System.ComponentModel.DataAnnotations;
using System.Text.Encodings.Web;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.UI.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Consultancy.Web.Areas.Identity.Pages.Account;

/// <summary>
/// Replaces the Identity UI's page, which builds the emailed link from the request's Host header: anyone could ask
/// for a reset of someone else's account with a forged host and have the genuine code mailed inside a link to their
/// own server. The link here is built from <c>App:BaseUrl</c>. The answer is the same whether or not the address
/// has an account.
/// </summary>
public sealed class ForgotPasswordModel(UserManager<AppUser> users, IUserAccounts accounts, IEmailSender email) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your email address.")]
        [EmailAddress(ErrorMessage = "Enter a valid email address.")]
        public string Email { get; set; } = "";
    }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var user = await users.FindByEmailAsync(Input.Email.Trim());
        if (user is not null && await users.IsEmailConfirmedAsync(user))
        {
            // The same set-password link an invitation carries, built from App:BaseUrl.
            var link = await accounts.CreateSetPasswordLinkAsync(user.Id, HttpContext.RequestAborted);
            await email.SendEmailAsync(user.Email!, "Reset your password",
                $"<p>Someone asked to reset the password of your account. If it was you, choose a new password here: " +
                $"<a href=\"{HtmlEncoder.Default.Encode(link)}\">{HtmlEncoder.Default.Encode(link)}</a></p>" +
                "<p>If it was not you, ignore this email: your password stays as it is.</p>");
        }
        return RedirectToPage("./ForgotPasswordConfirmation");
    }
}
