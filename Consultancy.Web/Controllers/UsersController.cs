using Consultancy.Application.Domain;
using Consultancy.Application.Users;
using Consultancy.Infrastructure.Identity;
using Consultancy.Web.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Consultancy.Web.Controllers;

[Authorize(Roles = Roles.Admin)]
public sealed class UsersController(IMediator mediator) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index([FromQuery] GetUserList query, CancellationToken ct)
    {
        ViewData["Search"] = query.Search;
        return View(await mediator.Send(query, ct));
    }

    [HttpGet]
    public IActionResult Invite() => View(new InviteUser { TimeZoneId = User.TimeZone().Id });

    [HttpPost]
    public async Task<IActionResult> Invite(InviteUser form, CancellationToken ct)
    {
        await mediator.Send(form, ct);
        TempData.Success($"Invitation sent to {form.Email}.");
        return RedirectToAction(nameof(Index));
    }

    [HttpPost, OnInvalidReturnTo(nameof(Index))]
    public async Task<IActionResult> ChangeRole(string id, UserRole role, CancellationToken ct)
    {
        await mediator.Send(new ChangeUserRole(id, role), ct);
        TempData.Success($"Role changed to {role}.");
        return RedirectToAction(nameof(Index));
    }

    [HttpPost, OnInvalidReturnTo(nameof(Index))]
    public async Task<IActionResult> Deactivate(string id, CancellationToken ct)
    {
        await mediator.Send(new SetUserActive(id, Active: false), ct);
        TempData.Success("User deactivated. Their clients stay assigned until you reassign them.");
        return RedirectToAction(nameof(Index));
    }

    [HttpPost, OnInvalidReturnTo(nameof(Index))]
    public async Task<IActionResult> Reactivate(string id, CancellationToken ct)
    {
        await mediator.Send(new SetUserActive(id, Active: true), ct);
        TempData.Success("User reactivated.");
        return RedirectToAction(nameof(Index));
    }
}
