using Consultancy.Application.Reminders;
using Consultancy.Web.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Consultancy.Web.Controllers;

/// <summary>
/// The public unsubscribe link from reminder emails. GET only shows a confirmation (link scanners
/// prefetch URLs); POST opts out — the mail client's RFC 8058 one-click POST carries no cookie or
/// antiforgery token, so the signed token in the URL is what authorises it.
/// </summary>
[EnableRateLimiting(RateLimitPolicyNames.PublicLinks), Route("u/{token}")]
public sealed class UnsubscribeController(IMediator mediator) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Confirm(string? token, CancellationToken ct)
    {
        if (await mediator.Send(new ReadUnsubscribeToken(token), ct) is not { } firstName) return NotValid();
        ViewData["FirstName"] = firstName;
        return View("Confirm", token);
    }

    [HttpPost, IgnoreAntiforgeryToken]
    public async Task<IActionResult> Unsubscribe(string? token, CancellationToken ct)
    {
        if (await mediator.Send(new Unsubscribe(token), ct) is not { } firstName) return NotValid();
        ViewData["FirstName"] = firstName;
        return View("Done");
    }

    private ViewResult NotValid()
    {
        var view = View("LinkProblem");
        view.StatusCode = StatusCodes.Status404NotFound;
        return view;
    }
}
