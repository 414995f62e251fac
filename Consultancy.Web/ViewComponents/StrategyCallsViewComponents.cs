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
