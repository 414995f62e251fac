using Consultancy.Application.Users;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Consultancy.Web.ViewComponents;

/// <summary>A select of active consultants, for forms that assign a client.</summary>
public sealed class ConsultantSelectViewComponent(IMediator mediator) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(string name, string? selected, string? emptyText) =>
        View(new ConsultantSelectModel(name, selected, emptyText, await mediator.Send(new GetStaffOptions())));
}

public sealed record ConsultantSelectModel(
    string Name, string? Selected, string? EmptyText, IReadOnlyList<Application.Clients.StaffOption> Options);
