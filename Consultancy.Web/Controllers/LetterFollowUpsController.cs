using Consultancy.Application.Letters;
using Consultancy.Web.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Consultancy.Web.Controllers;

/// <summary>
/// The referee's "stop follow-ups" link from letter emails. GET only shows a confirmation (link scanners
/// prefetch URLs); POST stops them — the mail client's RFC 8058 one-click POST carries no cookie or
/// antiforgery token, so the signed token in the URL is what authorises it.
/// </summary>
[EnableRateLimiting(RateLimitPolicyNames.PublicLinks), Route("letters/stop/{token}")]
public sealed class LetterFollowUpsController(IMediator mediator) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Confirm(string token, CancellationToken ct)
    {
        var stop = await mediator.Send(new ReadLetterStopToken(token), ct);
        if (stop.ApplicantName is null) return NotValid();
        ViewData["Token"] = token;
        return View("Confirm", stop);
    }

    [HttpPost, IgnoreAntiforgeryToken]
    public async Task<IActionResult> Stop(string token, CancellationToken ct)
    {
        var stop = await mediator.Send(new StopLetterFollowUps(token), ct);
        return stop.ApplicantName is null ? NotValid() : View("Done", stop);
    }

    private ViewResult NotValid()
    {
        var view = View("~/Views/Referee/LinkProblem.cshtml", RefereeLinkState.Invalid);
        view.StatusCode = StatusCodes.Status404NotFound;
        return view;
    }
}
