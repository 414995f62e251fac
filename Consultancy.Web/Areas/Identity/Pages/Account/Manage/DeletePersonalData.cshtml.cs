using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Consultancy.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>
/// Staff accounts own clients and history, so users cannot delete their own; admins deactivate them instead.
/// Replaces the Identity UI's page with a 404.
/// </summary>
public sealed class DeletePersonalDataModel : PageModel
{
    public IActionResult OnGet() => NotFound();
    public IActionResult OnPost() => NotFound();
}
