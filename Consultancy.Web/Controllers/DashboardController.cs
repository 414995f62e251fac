using Consultancy.Application.Dashboard;
using Consultancy.Application.Users;
using Consultancy.Web.Infrastructure;
using Consultancy.Web.ViewModels;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Consultancy.Web.Controllers;

/// <summary>The home page after sign-in: the consultant's day at a glance.</summary>
public sealed class DashboardController(IMediator mediator) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index(string? consultantId, CancellationToken ct)
    {
        var dashboard = await mediator.Send(new GetDashboard(User.TimeZone().Id, consultantId), ct);
        var consultants = User.IsAdmin() ? await mediator.Send(new GetStaffOptions(), ct) : [];
        return View(new DashboardViewModel(dashboard, consultants));
    }
}
