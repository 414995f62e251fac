using System.ComponentModel.DataAnnotations;
using Consultancy.Application.Security;
using Consultancy.Infrastructure.Identity;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Consultancy.Web.Areas.Identity.Pages.Account;

/// <summary>
/// Replaces the Identity UI's sign-in page: failed attempts count towards lockout (the stock page does not),
/// every attempt is written to the security log, and there is no link to self-registration.
/// </summary>
public sealed class LoginModel(SignInManager<AppUser> signIn, IMediator mediator, ILogger<LoginModel> logger) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your email address.")]
        [EmailAddress(ErrorMessage = "Enter a valid email address.")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Enter your password.")]
        [DataType(DataType.Password)]
        public string Password { get; set; } = "";

        public bool RememberMe { get; set; }
    }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(string? returnUrl = null)
    {
        returnUrl = Url.IsLocalUrl(returnUrl) ? returnUrl : Url.Content("~/");
        if (!ModelState.IsValid) return Page();

        var result = await signIn.PasswordSignInAsync(Input.Email, Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (!result.RequiresTwoFactor)
        {
            var outcome = result.Succeeded ? SignInOutcome.SignedIn : result.IsLockedOut ? SignInOutcome.LockedOut : SignInOutcome.Failed;
            await mediator.Send(new RecordSignInAttempt(Input.Email, outcome), HttpContext.RequestAborted);
        }
        if (result.Succeeded) return LocalRedirect(returnUrl);
        if (result.RequiresTwoFactor) return RedirectToPage("./LoginWith2fa", new { ReturnUrl = returnUrl, Input.RememberMe });
        if (result.IsLockedOut)
        {
            logger.LogWarning("Account locked out after failed sign-ins");
            ModelState.AddModelError("", $"Too many failed attempts. This account is locked for {IdentitySetup.LockoutDuration.TotalMinutes:0} minutes.");
            return Page();
        }
        ModelState.AddModelError("", "Invalid email or password.");
        return Page();
    }
}
