using System.ComponentModel.DataAnnotations;
using System.Text;
using Consultancy.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace Consultancy.Web.Areas.Identity.Pages.Account;

/// <summary>
/// Replaces the Identity UI's page, which throws on a code that is not valid base64 (a link cut short by a mail
/// client, or tampered with): such a link, a missing one and an expired one all get the same clear page.
/// Used by the password-reset email and by the invitation's set-password link.
/// </summary>
public sealed class ResetPasswordModel(UserManager<AppUser> users) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();

    /// <summary>False when the link cannot be a reset link at all; the page then offers to send a new one.</summary>
    public bool LinkIsValid { get; private set; } = true;

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your email address.")]
        [EmailAddress(ErrorMessage = "Enter a valid email address.")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Choose a password.")]
        [DataType(DataType.Password)]
        public string Password { get; set; } = "";

        [DataType(DataType.Password)]
        [Compare(nameof(Password), ErrorMessage = "The two passwords do not match.")]
        public string ConfirmPassword { get; set; } = "";

        public string Code { get; set; } = "";
    }

    public IActionResult OnGet(string? code = null)
    {
        if (Decode(code) is null) LinkIsValid = false;
        else Input.Code = code!;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (Decode(Input.Code) is not { } token)
        {
            LinkIsValid = false;
            return Page();
        }
        if (!ModelState.IsValid) return Page();
        // An unknown address gets the same answer as a known one, so the page tells nobody who has an account.
        if (await users.FindByEmailAsync(Input.Email.Trim()) is not { } user) return RedirectToPage("./ResetPasswordConfirmation");
        var result = await users.ResetPasswordAsync(user, token, Input.Password);
        if (result.Succeeded) return RedirectToPage("./ResetPasswordConfirmation");
        foreach (var error in result.Errors)
            ModelState.AddModelError("", error.Code == nameof(IdentityErrorDescriber.InvalidToken)
                ? "This link has expired or was already used. Ask for a new one with \"Forgot your password?\"."
                : error.Description);
        return Page();
    }

    private static string? Decode(string? code)
    {
        if (string.IsNullOrWhiteSpace(code)) return null;
        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
