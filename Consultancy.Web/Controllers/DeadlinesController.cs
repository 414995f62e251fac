using Consultancy.Application.Clients;
using Consultancy.Application.Common.Mapping;
using Consultancy.Application.Deadlines;
using Consultancy.Application.Domain;
using Consultancy.Application.Users;
using Consultancy.Web.Infrastructure;
using Consultancy.Web.ViewModels;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Consultancy.Web.Controllers;

public sealed class DeadlinesController(IMediator mediator) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index([FromQuery] GetDeadlineList query, CancellationToken ct)
    {
        var deadlines = await mediator.Send(query, ct);
        var consultants = User.IsAdmin() ? await mediator.Send(new GetStaffOptions(), ct) : [];
        return View(new DeadlineListViewModel(query, deadlines, consultants));
    }

    [HttpGet]
    public async Task<IActionResult> Create(int clientId, CancellationToken ct)
    {
        var client = await mediator.Send(new GetClientForEdit(clientId), ct);
        ViewData["ClientName"] = $"{client.FirstName} {client.LastName}";
        return View(new AddDeadline { ClientId = clientId, ReminderOffsets = null });
    }

    [HttpPost]
    public async Task<IActionResult> Create(AddDeadline form, CancellationToken ct)
    {
        var id = await mediator.Send(form, ct);
        var reminders = await mediator.Send(new GetDeadlineReminderPlan(id), ct);
        TempData.Success($"Deadline “{form.Title}” added; {reminders.Summary}.");
        return RedirectToAction("Details", "Clients", new { id = form.ClientId }, "deadlines");
    }

    [HttpGet]
    public async Task<IActionResult> Edit(int id, CancellationToken ct) =>
        View(await mediator.Send(new GetDeadlineForEdit(id), ct));

    [HttpPost]
    public async Task<IActionResult> Edit(int id, UpdateDeadline form, CancellationToken ct)
    {
        form.Id = id;
        await mediator.Send(form, ct);
        var reminders = await mediator.Send(new GetDeadlineReminderPlan(id), ct);
        TempData.Success($"Deadline saved; {reminders.Summary}.");
        return RedirectToAction("Details", "Clients", new { id = form.ClientId }, "deadlines");
    }

    [HttpPost, OnInvalidReturnTo(nameof(Index))]
    public async Task<IActionResult> ChangeStatus(int id, DeadlineStatus status, int clientId, CancellationToken ct)
    {
        await mediator.Send(new ChangeDeadlineStatus(id, status), ct);
        TempData.Success(await StatusChangedAsync(id, status, ct));
        return RedirectToAction("Details", "Clients", new { id = clientId }, "deadlines");
    }

    /// <summary>Done or reopen on a row of the deadlines list: back to the same list, its filters and page kept.</summary>
    [HttpPost, OnInvalidReturnTo(nameof(Index))]
    public async Task<IActionResult> SetStatus(int id, DeadlineStatus status, [FromQuery] GetDeadlineList list, CancellationToken ct)
    {
        await mediator.Send(new ChangeDeadlineStatus(id, status), ct);
        TempData.Success(await StatusChangedAsync(id, status, ct));
        return RedirectToAction(nameof(Index), DeadlineListViewModel.Route(list));
    }

    /// <summary>Mark done or reopen the ticked rows of the deadlines list, all in one go; back to the same list.</summary>
    [HttpPost, OnInvalidReturnTo(nameof(Index))]
    public async Task<IActionResult> Bulk(List<int> deadlineIds, DeadlineStatus status, [FromQuery] GetDeadlineList list, CancellationToken ct)
    {
        var change = await mediator.Send(new ChangeDeadlinesStatus(deadlineIds, status), ct);
        TempData.Success(BulkChangeText.Describe(change, "deadline", status switch
        {
            DeadlineStatus.Done => "marked done",
            DeadlineStatus.Cancelled => "cancelled",
            _ => "reopened",
        }) + (change.Changed == 0 ? "" : status == DeadlineStatus.Open ? " Their reminders are re-planned." : " Their remaining reminders are cancelled."));
        return RedirectToAction(nameof(Index), DeadlineListViewModel.Route(list));
    }

    private async Task<string> StatusChangedAsync(int id, DeadlineStatus status, CancellationToken ct) => status switch
    {
        DeadlineStatus.Done => "Deadline marked done; its remaining reminders are cancelled.",
        DeadlineStatus.Cancelled => "Deadline cancelled; its remaining reminders are cancelled.",
        _ => $"Deadline reopened; {(await mediator.Send(new GetDeadlineReminderPlan(id), ct)).Summary}.",
    };

    [HttpPost, OnInvalidReturnTo(nameof(Index))]
    public async Task<IActionResult> Delete(int id, CancellationToken ct)
    {
        var clientId = await mediator.Send(new DeleteDeadline(id), ct);
        TempData.Success("Deadline deleted.");
        return RedirectToAction("Details", "Clients", new { id = clientId }, "deadlines");
    }
}
