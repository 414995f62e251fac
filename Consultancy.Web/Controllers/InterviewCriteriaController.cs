using Consultancy.Application.Domain;
using Consultancy.Application.InterviewCriteria;
using Consultancy.Web.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Consultancy.Web.Controllers;

/// <summary>The criteria interviews are scored on; admins only.</summary>
[Authorize(Roles = Roles.Admin)]
public sealed class InterviewCriteriaController(IMediator mediator) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await mediator.Send(new GetInterviewCriteria(), ct));

    [HttpPost, OnInvalidReturnTo(nameof(Index))]
    public async Task<IActionResult> Save(SaveInterviewCriterion form, CancellationToken ct)
    {
        await mediator.Send(form, ct);
        TempData.Success(form.Id is null ? $"“{form.Name.Trim()}” added." : $"“{form.Name.Trim()}” saved.");
        return RedirectToAction(nameof(Index));
    }

    [HttpPost, OnInvalidReturnTo(nameof(Index))]
    public async Task<IActionResult> AddSuggested(CancellationToken ct)
    {
        var added = await mediator.Send(new AddSuggestedCriteria(), ct);
        TempData.Success(added == 0 ? "The suggested criteria are all there already." : $"{added} suggested criteria added; adjust their weights as you see fit.");
        return RedirectToAction(nameof(Index));
    }
}
