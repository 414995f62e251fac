using System.Text;
using Consultancy.Application.CalendarFeeds;
using Consultancy.Web.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Consultancy.Web.Controllers;

/// <summary>
/// A consultant's private calendar feed for Google Calendar or Outlook. Calendar apps fetch it without signing in, so
/// the long random token in the address is what authorises it; resetting it in the profile revokes the old address.
/// </summary>
[EnableRateLimiting(RateLimitPolicyNames.PublicLinks), Route("calendar")]
public sealed class CalendarFeedController(IMediator mediator) : Controller
{
    [HttpGet("{token}.ics")]
    public async Task<IActionResult> Feed(string token, CancellationToken ct)
    {
        var calendar = await mediator.Send(new GetCalendarFeed(token), ct);
        Response.Headers.CacheControl = "private, no-store";
        return File(Encoding.UTF8.GetBytes(calendar), "text/calendar; charset=utf-8");
    }
}
