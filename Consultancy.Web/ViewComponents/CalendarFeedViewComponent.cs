using Consultancy.Application.CalendarFeeds;
using Consultancy.Application.Common.Interfaces;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Consultancy.Web.ViewComponents;

/// <summary>The signed-in user's private calendar feed address, with the button that creates or resets it.</summary>
public sealed class CalendarFeedViewComponent(IMediator mediator, IAppLinks links) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var token = await mediator.Send(new GetMyCalendarFeed());
        var url = token is null ? null : links.Absolute(Url.Action("Feed", "CalendarFeed", new { token })!);
        return View(new CalendarFeedModel(url));
    }
}

public sealed record CalendarFeedModel(string? Url);
