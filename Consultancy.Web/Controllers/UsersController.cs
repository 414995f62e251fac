using Consultancy.Application.Domain;
using Consultancy.Application.Security;
using Consultancy.Application.Users;
using Consultancy.Web.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Caching.Memory;

namespace Consultancy.Web.Controllers;

[Authorize(Roles = Roles.Admin)]
public sealed class UsersController(IMediator mediator, IMemoryCache cache) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index([FromQuery] GetUserList query, CancellationToken ct)
    {
        ViewData["Search"] = query.Search;
        ViewData["RequireTwoFactor"] = await mediator.Send(new GetTwoFactorRequirement(), ct);
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

    [HttpPost]
    public async Task<IActionResult> TwoFactorRule(bool required, CancellationToken ct)
    {
        await mediator.Send(new SetTwoFactorRequirement(required), ct);
        TwoFactorRequirement.ForgetRule(cache);
        TempData.Success(required
            ? "Two-factor sign-in is now required. Users without an authenticator app set one up at their next page."
            : "Two-factor sign-in is now optional.");
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
