using Consultancy.Application.Domain;
using Consultancy.Application.Outbox;
using Consultancy.Infrastructure.Identity;
using Consultancy.Web.Infrastructure;
using Consultancy.Web.ViewModels;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Consultancy.Web.Controllers;

public sealed class OutboxController(IMediator mediator) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index([FromQuery] GetOutboxList query, CancellationToken ct) =>
        View(new OutboxListViewModel(query, await mediator.Send(query, ct)));

    [HttpGet]
    public async Task<IActionResult> Details(long id, CancellationToken ct) =>
        View(await mediator.Send(new PreviewOutboxMessage(id), ct));

    [HttpPost, OnInvalidReturnTo(nameof(Details))]
    public async Task<IActionResult> Retry(long id, CancellationToken ct)
    {
        await mediator.Send(new ChangeOutboxMessage(id, Retry: true), ct);
        TempData.Success("The message will be sent again with the next dispatch.");
        return RedirectToAction(nameof(Details), new { id });
    }

    [HttpPost, OnInvalidReturnTo(nameof(Details))]
    public async Task<IActionResult> Cancel(long id, CancellationToken ct)
    {
        await mediator.Send(new ChangeOutboxMessage(id, Retry: false), ct);
        TempData.Success("The message was cancelled and will not be sent.");
        return RedirectToAction(nameof(Details), new { id });
    }

    /// <summary>Runs the dispatcher now instead of waiting for its next scheduled run.</summary>
    [HttpPost, Authorize(Roles = Roles.Admin)]
    public async Task<IActionResult> DispatchNow([FromServices] IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateSystemScope();
        var result = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new DispatchOutbox(), ct);
        TempData.Success($"Dispatch finished: {result.Sent} sent, {result.Retrying} to retry, {result.Failed} failed, {result.Cancelled} cancelled.");
        return RedirectToAction(nameof(Index), new { status = OutboxShown.Sent });
    }
}
