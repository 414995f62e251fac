using Consultancy.Application.CalendarFeeds;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Consultancy.Web.ViewComponents;

/// <summary>The signed-in user's private calendar feed address, with the button that creates or resets it.</summary>
public sealed class CalendarFeedViewComponent(IMediator mediator) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var token = await mediator.Send(new GetMyCalendarFeed());
        var url = token is null ? null : Url.Action("Feed", "CalendarFeed", new { token }, Request.Scheme, Request.Host.Value);
        return View(new CalendarFeedModel(url));
    }
}

public sealed record CalendarFeedModel(string? Url);
