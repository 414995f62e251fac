using Consultancy.Application.StrategyCalls;
using Consultancy.Web.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Consultancy.Web.Controllers;

/// <summary>
/// The public "Schedule a free strategy call" pages: no sign-in. Free times are computed on the server and
/// shown in the visitor's zone (from their browser, or chosen on the page); posts are rate-limited per address.
/// </summary>
[AllowAnonymous, Route("book")]
public sealed class BookingController(IMediator mediator) : Controller
{
    public const string RateLimitPolicy = "public-booking";

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await mediator.Send(new GetBookableConsultants(), ct));

    [HttpGet("{slug}")]
    public async Task<IActionResult> Slots(string slug, string? tz, CancellationToken ct) =>
        View(await mediator.Send(new GetBookingSlots(slug, tz), ct));

    [HttpGet("{slug}/details")]
    public async Task<IActionResult> Details(string slug, DateTime start, string? tz, CancellationToken ct)
    {
        var page = await mediator.Send(new GetBookingSlots(slug, tz), ct);
        var startUtc = DateTime.SpecifyKind(start, DateTimeKind.Utc);
        if (!page.Days.Any(d => d.StartsUtc.Contains(startUtc)))
        {
            TempData.Flash(FlashKind.Error, "That time is no longer free. Please choose another one.");
            return RedirectToAction(nameof(Slots), new { slug, tz = page.TimeZoneId });
        }
        return View(new BookCall { Slug = slug, StartUtc = startUtc, TimeZoneId = page.TimeZoneId, ConsultantName = page.Consultant?.PublicName });
    }

    [HttpPost("{slug}/details"), EnableRateLimiting(RateLimitPolicy), OnSlotTakenReturnTo(nameof(Slots))]
    public async Task<IActionResult> Details(string slug, BookCall form, CancellationToken ct)
    {
        form.Slug = slug;
        var booked = await mediator.Send(form, ct);
        return RedirectToAction(nameof(Manage), new { token = booked.ManageToken, booked = true });
    }

    [HttpGet("manage/{token}")]
    public async Task<IActionResult> Manage(string token, bool booked, CancellationToken ct)
    {
        ViewData["JustBooked"] = booked;
        return View(await mediator.Send(new GetManagedCall(token), ct));
    }
}
