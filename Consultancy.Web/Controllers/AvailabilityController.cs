using Consultancy.Application.StrategyCalls;
using Consultancy.Web.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Consultancy.Web.Controllers;

/// <summary>A consultant's booking settings: their own, or for admins anyone's (by id).</summary>
public sealed class AvailabilityController(IMediator mediator) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Edit(string? id, CancellationToken ct) => View(await mediator.Send(new GetAvailabilityForEdit(id), ct));

    [HttpPost]
    public async Task<IActionResult> Edit(string? id, UpdateAvailability form, CancellationToken ct)
    {
        form.ConsultantId = id ?? form.ConsultantId;
        await mediator.Send(form, ct);
        TempData.Success("Availability saved.");
        return RedirectToAction(nameof(Edit), new { id });
    }
}
