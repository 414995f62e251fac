using Consultancy.Application.Domain;
using Consultancy.Application.Playbooks;
using Consultancy.Web.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Consultancy.Web.Controllers;

[Authorize(Roles = Roles.Admin)]
public sealed class PlaybooksController(IMediator mediator) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await mediator.Send(new GetPlaybooks(), ct));

    [HttpPost, OnInvalidReturnTo(nameof(Index))]
    public async Task<IActionResult> Save(SavePlaybookItem form, CancellationToken ct)
    {
        await mediator.Send(form, ct);
        TempData.Success(form.ItemId is null ? $"“{form.Title}” added to the playbook." : $"“{form.Title}” saved.");
        return RedirectToAction(nameof(Index));
    }

    [HttpPost, OnInvalidReturnTo(nameof(Index))]
    public async Task<IActionResult> Delete(int id, CancellationToken ct)
    {
        await mediator.Send(new DeletePlaybookItem(id), ct);
        TempData.Success("Item removed. Deadlines already planned from it stay as they are.");
        return RedirectToAction(nameof(Index));
    }
}
