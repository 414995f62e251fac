using Consultancy.Application.StrategyCalls;
using Consultancy.Web.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Consultancy.Web.Controllers;

/// <summary>
/// The public "Schedule a free strategy call" pages: no sign-in. Free times are computed on the server and
/// shown in the visitor's zone (from their browser, or chosen on the page); posts are rate-limited per address.
/// </summary>
[Route("book")]
public sealed class BookingController(IMediator mediator) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await mediator.Send(new GetBookableConsultants(), ct));

    [HttpGet("{slug}")]
    public async Task<IActionResult> Slots(string slug, string? tz, CancellationToken ct) =>
        View(await mediator.Send(new GetBookingSlots(slug, tz), ct));

    [HttpGet("{slug}/details"), OnSlotRefusedReturnTo(nameof(Slots))]
    public async Task<IActionResult> Details(string slug, DateTime start, string? tz, CancellationToken ct) =>
        View(await mediator.Send(new GetBookingForm(slug, start, tz), ct));

    [HttpPost("{slug}/details"), EnableRateLimiting(RateLimitPolicyNames.Booking), OnSlotRefusedReturnTo(nameof(Slots))]
    public async Task<IActionResult> Details(string slug, BookCall form, CancellationToken ct)
    {
        form.Slug = slug;
        var booked = await mediator.Send(form, ct);
        return RedirectToAction(nameof(Manage), new { token = booked.ManageToken, booked = true });
    }

    [HttpPost("manage/{token}/cancel"), EnableRateLimiting(RateLimitPolicyNames.Booking), OnInvalidReturnTo(nameof(Manage))]
    public async Task<IActionResult> Cancel(string token, CancellationToken ct)
    {
        await mediator.Send(new CancelCallByLink(token), ct);
        TempData.Success("Your call is cancelled. A cancellation for your calendar is on its way.");
        return RedirectToAction(nameof(Manage), new { token });
    }

    [HttpGet("manage/{token}/reschedule")]
    public async Task<IActionResult> Reschedule(string token, string? tz, CancellationToken ct)
    {
        var slots = await mediator.Send(new GetMoveSlots(token, tz), ct);
        if (slots is null) return LinkNotValid();
        ViewData["SlotLink"] = $"/book/manage/{token}/reschedule/confirm";
        ViewData["BackLink"] = $"/book/manage/{token}";
        ViewData["Heading"] = $"Pick another time with {slots.Consultant!.PublicName}";
        return View(nameof(Slots), slots);
    }

    [HttpGet("manage/{token}/reschedule/confirm")]
    public async Task<IActionResult> ConfirmReschedule(string token, DateTime start, string? tz, CancellationToken ct)
    {
        var call = await mediator.Send(new GetManagedCall(token), ct);
        if (call is null) return LinkNotValid();
        ViewData["NewStartUtc"] = DateTime.SpecifyKind(start, DateTimeKind.Utc);
        ViewData["TimeZoneId"] = Application.Domain.TimeZones.IsValidIana(tz) ? tz : call.TimeZoneId;
        return View(call);
    }

    [HttpPost("manage/{token}/reschedule"), EnableRateLimiting(RateLimitPolicyNames.Booking), OnSlotRefusedReturnTo(nameof(Reschedule)), OnInvalidReturnTo(nameof(Manage))]
    public async Task<IActionResult> Reschedule(string token, DateTime start, CancellationToken ct)
    {
        await mediator.Send(new MoveCallByLink(token, start), ct);
        TempData.Success("Your call has moved. An updated invite is on its way.");
        return RedirectToAction(nameof(Manage), new { token });
    }

    [HttpGet("manage/{token}")]
    public async Task<IActionResult> Manage(string token, bool booked, CancellationToken ct)
    {
        ViewData["JustBooked"] = booked;
        return await mediator.Send(new GetManagedCall(token), ct) is { } call ? View(call) : LinkNotValid();
    }

    /// <summary>A forged, damaged or expired manage link: a page that says so, never an error.</summary>
    private ViewResult LinkNotValid()
    {
        var view = View(nameof(Manage), null);
        view.StatusCode = StatusCodes.Status404NotFound;
        return view;
    }
}
