using Consultancy.Application.Common.Mapping;
using Consultancy.Application.Domain;
using Consultancy.Application.Playbooks;
using Consultancy.Application.StrategyCalls;
using Consultancy.Application.Users;
using Consultancy.Web.Infrastructure;
using Consultancy.Web.ViewModels;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Consultancy.Web.Controllers;

/// <summary>Strategy calls inside the app: the list, one call's page, booking for a client, changes and outcomes.</summary>
public sealed class CallsController(IMediator mediator) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index([FromQuery] GetCallList query, CancellationToken ct)
    {
        var calls = await mediator.Send(query, ct);
        var consultants = await mediator.Send(new GetStaffOptions(), ct);
        return View(new CallListViewModel(query, calls, consultants));
    }

    [HttpGet]
    public async Task<IActionResult> Details(int id, CancellationToken ct)
    {
        var call = await mediator.Send(new GetCallDetails(id), ct);
        var seasons = call.CanConvert ? await mediator.Send(new GetSeasons(), ct) : [];
        return View(new CallPageViewModel(call, seasons));
    }

    [HttpGet]
    public async Task<IActionResult> Book(int clientId, CancellationToken ct)
    {
        var client = await mediator.Send(new Application.Clients.GetClientDetails(clientId), ct);
        return View(new BookCallForClient { ClientId = clientId, ClientName = client.Profile.FirstName + " " + client.Profile.LastName });
    }

    [HttpPost]
    public async Task<IActionResult> Book(BookCallForClient form, CancellationToken ct)
    {
        var id = await mediator.Send(form, ct);
        TempData.Success("Call booked. The invite is on its way to the applicant.");
        return RedirectToAction(nameof(Details), new { id });
    }

    [HttpPost, OnInvalidReturnTo(nameof(Details))]
    public async Task<IActionResult> Reschedule(int id, DateOnly? date, TimeOnly? time, CancellationToken ct)
    {
        await mediator.Send(new RescheduleCall(id, date, time), ct);
        TempData.Success("Call moved. An updated invite is on its way to the applicant.");
        return RedirectToAction(nameof(Details), new { id });
    }

    [HttpPost, OnInvalidReturnTo(nameof(Details))]
    public async Task<IActionResult> Cancel(int id, CancellationToken ct)
    {
        await mediator.Send(new CancelCall(id), ct);
        TempData.Success("Call cancelled. The applicant gets a cancellation for their calendar.");
        return RedirectToAction(nameof(Details), new { id });
    }

    [HttpPost, OnInvalidReturnTo(nameof(Details))]
    public async Task<IActionResult> Outcome(int id, CallStatus status, string? notes, CancellationToken ct)
    {
        await mediator.Send(new RecordCallOutcome(id, status, notes), ct);
        TempData.Success($"Outcome saved: {status.DisplayName()}.");
        return RedirectToAction(nameof(Details), new { id });
    }

    [HttpPost, OnInvalidReturnTo(nameof(Details))]
    public async Task<IActionResult> Convert(int id, int? seasonId, CancellationToken ct)
    {
        var clientId = await mediator.Send(new ConvertLeadToClient(id, seasonId), ct);
        TempData.Success(seasonId is null ? "Converted to a client (Onboarding)." : "Converted to a client (Onboarding), with the season plan applied.");
        return RedirectToAction("Details", "Clients", new { id = clientId });
    }
}
