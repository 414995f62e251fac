using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Consultancy.Web.Areas.Identity.Pages.Account;

/// <summary>Self-registration is off: admins invite staff. Replaces the Identity UI's page with a 404.</summary>
public sealed class RegisterModel : PageModel
{
    public IActionResult OnGet() => NotFound();
    public IActionResult OnPost() => NotFound();
}
