using Consultancy.Application.CalendarFeeds;
using Consultancy.Application.Users;
using Consultancy.Infrastructure.Identity;
using Consultancy.Web.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Consultancy.Web.Controllers;

public sealed class ProfileController(IMediator mediator, SignInManager<AppUser> signIn, UserManager<AppUser> users) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Edit(CancellationToken ct) => View(await mediator.Send(new GetMyProfile(), ct));

    [HttpPost]
    public async Task<IActionResult> Edit(UpdateMyProfile form, CancellationToken ct)
    {
        await mediator.Send(form, ct);
        // Name and time zone travel in the sign-in cookie: reissue it so the change shows at once.
        if (await users.GetUserAsync(User) is { } user) await signIn.RefreshSignInAsync(user);
        TempData.Success("Profile saved.");
        return RedirectToAction(nameof(Edit));
    }

    [HttpPost]
    public async Task<IActionResult> SignOutEverywhere(CancellationToken ct)
    {
        await mediator.Send(new SignOutEverywhere(), ct);
        await signIn.SignOutAsync();
        TempData.Success("You are signed out on every device. Sign in again to continue.");
        return RedirectToPage("/Account/Login", new { area = "Identity" });
    }

    [HttpPost]
    public async Task<IActionResult> ResetCalendarFeed(CancellationToken ct)
    {
        await mediator.Send(new ResetCalendarFeed(), ct);
        TempData.Success("Your calendar address is ready. Any earlier address no longer works.");
        return RedirectToAction(nameof(Edit));
    }
}
