using Consultancy.Application.Domain;
using Consultancy.Application.Playbooks;
using Consultancy.Infrastructure.Jobs;
using Consultancy.Web.Infrastructure;
using Consultancy.Web.ViewModels;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Consultancy.Web.Controllers;

[Authorize(Roles = Roles.Admin)]
public sealed class SeasonsController(IMediator mediator) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index(CancellationToken ct) =>
        View(new SeasonsViewModel(await mediator.Send(new GetSeasons(), ct), new CreateSeason()));

    [HttpPost, OnInvalidReturnTo(nameof(Index))]
    public async Task<IActionResult> Create(CreateSeason form, CancellationToken ct)
    {
        var id = await mediator.Send(form, ct);
        TempData.Success($"Season {form.Name} created. Check each key date against the official calendar.");
        return RedirectToAction(nameof(Details), new { id });
    }

    [HttpGet]
    public async Task<IActionResult> Details(int id, CancellationToken ct) =>
        View(await mediator.Send(new GetSeason(id), ct));

    [HttpPost, OnInvalidReturnTo(nameof(Details))]
    public async Task<IActionResult> KeyDate(int id, UpdateKeyDate form, CancellationToken ct)
    {
        form.SeasonId = id;
        var moved = await mediator.Send(form, ct);
        TempData.Success(moved == 0 ? $"{form.Name} saved." : $"{form.Name} saved; {moved} deadline(s) moved with it and their reminders re-planned.");
        return RedirectToAction(nameof(Details), new { id });
    }

    [HttpPost, OnInvalidReturnTo(nameof(Details))]
    public async Task<IActionResult> Invites(int id, UpdateSeasonInvites form, CancellationToken ct)
    {
        form.SeasonId = id;
        await mediator.Send(form, ct);
        TempData.Success(form.MinimumInvites is { } minimum
            ? $"Clients with fewer than {minimum} invites by {Viewer.Date(form.InvitesExpectedBy!.Value)} will show as at risk."
            : "This season no longer watches interview invites.");
        return RedirectToAction(nameof(Details), new { id });
    }

    [HttpPost, OnInvalidReturnTo(nameof(Details))]
    public async Task<IActionResult> SignalLimits(int id, SaveSignalLimits form, CancellationToken ct)
    {
        form.SeasonId = id;
        await mediator.Send(form, ct);
        TempData.Success($"Signal limits for {form.Specialty.Trim()} saved.");
        return RedirectToAction(nameof(Details), new { id });
    }

    [HttpPost, OnInvalidReturnTo(nameof(Details))]
    public async Task<IActionResult> RemoveSignalLimits(int id, int limitId, CancellationToken ct)
    {
        var specialty = await mediator.Send(new RemoveSignalLimits(id, limitId), ct);
        TempData.Success($"Signal limits for {specialty} removed.");
        return RedirectToAction(nameof(Details), new { id });
    }

    [HttpPost, OnInvalidReturnTo(nameof(Details))]
    public async Task<IActionResult> ApplyToClients(int id, [FromServices] SeasonPlanRuns runs, CancellationToken ct)
    {
        var runId = await mediator.Send(new StartSeasonPlanRun(id), ct);
        // Recorded, so it is scheduled even if the browser goes away meanwhile.
        await runs.StartAsync(runId, CancellationToken.None);
        return RedirectToAction(nameof(Progress), new { id = runId });
    }

    [HttpGet]
    public async Task<IActionResult> Progress(Guid id, CancellationToken ct) => View(await mediator.Send(new GetSeasonPlanRun(id), ct));
}
