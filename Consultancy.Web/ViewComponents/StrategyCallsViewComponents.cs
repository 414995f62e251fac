using Consultancy.Application.StrategyCalls;
using Consultancy.Web.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Consultancy.Web.ViewComponents;

/// <summary>A client's strategy calls, for their page.</summary>
public sealed class ClientCallsViewComponent(IMediator mediator) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int clientId) =>
        View(new ClientCallsModel(clientId, await mediator.Send(new GetClientCalls(clientId))));
}

public sealed record ClientCallsModel(int ClientId, IReadOnlyList<CallListItem> Calls);

/// <summary>Today's calls of the signed-in user, above the client list (the first page everyone sees).</summary>
public sealed class TodaysCallsViewComponent(IMediator mediator) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() =>
        View(await mediator.Send(new GetTodaysCalls(((System.Security.Claims.ClaimsPrincipal)User).TimeZone().Id)));
}
