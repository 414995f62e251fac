using Microsoft.AspNetCore.Mvc;

namespace Consultancy.Web.Controllers;

[Route("Error")]
public sealed class ErrorController : Controller
{
    [Route(""), IgnoreAntiforgeryToken]
    public IActionResult Index() => View("Error", 500);

    [Route("{status:int}"), IgnoreAntiforgeryToken]
    public IActionResult Status([FromRoute] int status) => View("Error", status);
}
