using Consultancy.Application.Domain;
using Consultancy.Application.Security;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Consultancy.Web.Controllers;

[Authorize(Roles = Roles.Admin)]
public sealed class SecurityLogController(IMediator mediator) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index([FromQuery] GetSecurityLog query, CancellationToken ct)
    {
        ViewData["Query"] = query;
        return View(await mediator.Send(query, ct));
    }
}
