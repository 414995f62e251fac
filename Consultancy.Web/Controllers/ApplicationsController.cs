using Consultancy.Application.Common.Mapping;
using Consultancy.Application.Domain;
using Consultancy.Application.ProgramApplications;
using Consultancy.Web.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Consultancy.Web.Controllers;

/// <summary>A client's applications for a season (the id is the client's), finding programs for them, and each application (the id is the application's).</summary>
public sealed class ApplicationsController(IMediator mediator) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index(int id, string? season, ApplicationStatus? status, CancellationToken ct) =>
        View(await mediator.Send(new GetClientApplications(id, season, status), ct));

    [HttpGet]
    public async Task<IActionResult> Find(int id, string? season, string? search, bool allSpecialties, int page = 1, CancellationToken ct = default) =>
        View(await mediator.Send(new FindProgramsForClient(id, season, search, allSpecialties, page), ct));

    [HttpPost, OnInvalidReturnTo(nameof(Find))]
    public async Task<IActionResult> Add(int id, string season, List<int> programIds, CancellationToken ct)
    {
        var added = await mediator.Send(new AddApplications(id, season, programIds), ct);
        var skipped = programIds.Distinct().Count() - added;
        TempData.Success($"{Count(added, "program")} added to {season}" + (skipped > 0 ? $"; {skipped} already on the list." : "."));
        return RedirectToAction(nameof(Index), new { id, season });
    }

    [HttpPost, OnInvalidReturnTo(nameof(Index))]
    public async Task<IActionResult> Bulk(int id, string? season, List<int> applicationIds, BulkApplicationAction action, ApplicationTier? tier,
        int? letterId, CancellationToken ct)
    {
        var changed = await mediator.Send(new ChangeApplications(id, applicationIds, action, tier, letterId), ct);
        TempData.Success(action switch
        {
            BulkApplicationAction.MarkApplied => $"{Count(changed, "application")} marked as applied.",
            BulkApplicationAction.Withdraw => $"{Count(changed, "application")} withdrawn; their open deadlines are cancelled.",
            BulkApplicationAction.SetTier => $"Tier set on {Count(changed, "application")}.",
            BulkApplicationAction.AssignLetter => $"Letter assigned to {Count(changed, "more application")}.",
            _ => $"Letter taken off {Count(changed, "application")}.",
        });
        return RedirectToAction(nameof(Index), new { id, season });
    }

    [HttpGet]
    public async Task<IActionResult> Details(int id, CancellationToken ct) => View(await mediator.Send(new GetApplicationDetails(id), ct));

    [HttpPost, OnInvalidReturnTo(nameof(Details))]
    public async Task<IActionResult> Edit(int id, UpdateApplication form, CancellationToken ct)
    {
        await mediator.Send(form with { Id = id }, ct);
        TempData.Success("Application saved.");
        return RedirectToAction(nameof(Details), new { id });
    }

    /// <summary>The one-click status change on a row of the client's list.</summary>
    [HttpPost, OnInvalidReturnTo(nameof(Details))]
    public async Task<IActionResult> Status(int id, ApplicationStatus status, string? season, CancellationToken ct)
    {
        var clientId = await mediator.Send(new ChangeApplicationStatus(id, status), ct);
        TempData.Success($"Status set to {status.DisplayName()}" + (status == ApplicationStatus.InterviewInvited ? "; a deadline to answer the invite is on the client's deadlines." : "."));
        return RedirectToAction(nameof(Index), new { id = clientId, season });
    }

    [HttpPost, OnInvalidReturnTo(nameof(Details))]
    public async Task<IActionResult> Schedule(int id, ScheduleInterview form, CancellationToken ct)
    {
        await mediator.Send(form with { Id = id }, ct);
        TempData.Success("Interview scheduled; the applicant's reminders are planned and it is in the calendar feed.");
        return RedirectToAction(nameof(Details), new { id });
    }

    [HttpPost, OnInvalidReturnTo(nameof(Details))]
    public async Task<IActionResult> Score(int id, ScoreInterview form, CancellationToken ct)
    {
        await mediator.Send(form with { Id = id }, ct);
        TempData.Success("Interview scores saved.");
        return RedirectToAction(nameof(Details), new { id });
    }

    [HttpPost, OnInvalidReturnTo(nameof(Details))]
    public async Task<IActionResult> Remove(int id, CancellationToken ct)
    {
        var clientId = await mediator.Send(new RemoveApplication(id), ct);
        TempData.Success("Program taken off the list.");
        return RedirectToAction(nameof(Index), new { id = clientId });
    }

    private static string Count(int count, string noun) => $"{count} {noun}{(count == 1 ? "" : "s")}";
}
