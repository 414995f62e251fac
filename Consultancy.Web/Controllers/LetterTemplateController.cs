using Consultancy.Application.Domain;
using Consultancy.Application.Letters;
using Consultancy.Web.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Consultancy.Web.Controllers;

/// <summary>The wording of the request email referees receive.</summary>
[Authorize(Roles = Roles.Admin)]
public sealed class LetterTemplateController(IMediator mediator) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Edit(CancellationToken ct) =>
        View(await mediator.Send(new GetLetterRequestTemplate(), ct));

    [HttpPost]
    public async Task<IActionResult> Edit(UpdateLetterRequestTemplate form, CancellationToken ct)
    {
        await mediator.Send(form, ct);
        TempData.Success("Request email saved; it applies to requests sent from now on.");
        return RedirectToAction(nameof(Edit));
    }

    [HttpPost]
    public async Task<IActionResult> Reset(CancellationToken ct)
    {
        await mediator.Send(new UpdateLetterRequestTemplate { Subject = LetterRequestTemplate.DefaultSubject, Body = LetterRequestTemplate.DefaultBody }, ct);
        TempData.Success("Request email reset to the standard wording.");
        return RedirectToAction(nameof(Edit));
    }
}
