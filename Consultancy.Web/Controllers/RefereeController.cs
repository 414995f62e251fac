using System.ComponentModel.DataAnnotations;
using Consultancy.Application.Domain;
using Consultancy.Application.Letters;
using Consultancy.Web.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Consultancy.Web.Controllers;

/// <summary>
/// The referee's personal page from the request email: no sign-in, the signed token names the one letter.
/// A link that is damaged, made for another letter or referee, or expired gets a plain explanation.
/// </summary>
[EnableRateLimiting(RateLimitPolicyNames.PublicLinks), Route("letters/r/{token}")]
public sealed class RefereeController(IMediator mediator) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Show(string token, CancellationToken ct)
    {
        var page = await mediator.Send(new GetRefereeLetter(token), ct);
        if (page.Letter is null) return LinkProblem(page.State);
        ViewData["Token"] = token;
        return View(page.Letter);
    }

    [HttpPost, OnInvalidReturnTo(nameof(Show))]
    public async Task<IActionResult> Answer(string token, LetterStatus answer, string? reason,
        [Display(Name = "the date you uploaded it")] DateOnly? uploadedOn, CancellationToken ct)
    {
        var outcome = await mediator.Send(new AnswerAsReferee(token, answer, reason, uploadedOn), ct);
        if (outcome.State != RefereeLinkState.Valid) return LinkProblem(outcome.State);
        if (outcome.Problem is not null) TempData.Flash(FlashKind.Error, outcome.Problem);
        else TempData.Success(answer switch
        {
            LetterStatus.Confirmed => "Thank you for confirming. We will not send you further reminders about this letter.",
            LetterStatus.Declined => "Thank you for letting us know. We will not write to you about this letter again.",
            _ => "Thank you for uploading the letter. We have let the applicant's advisor know.",
        });
        return RedirectToAction(nameof(Show), new { token });
    }

    private ViewResult LinkProblem(RefereeLinkState state)
    {
        var view = View("LinkProblem", state);
        view.StatusCode = state == RefereeLinkState.Expired ? StatusCodes.Status410Gone : StatusCodes.Status404NotFound;
        return view;
    }
}
