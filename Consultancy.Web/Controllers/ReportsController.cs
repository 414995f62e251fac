using Consultancy.Application.Domain;
using Consultancy.Application.Reports;
using Consultancy.Web.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Consultancy.Web.Controllers;

/// <summary>How each consultant's clients fared in a season: admins only.</summary>
[Authorize(Roles = Roles.Admin)]
public sealed class ReportsController(IMediator mediator, TimeProvider clock) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index(int? seasonId, CancellationToken ct) => View(await mediator.Send(new GetSeasonReport(seasonId), ct));

    /// <summary>The table on the page, as CSV.</summary>
    [HttpGet]
    public async Task<IActionResult> Export(int? seasonId, CancellationToken ct)
    {
        var report = await mediator.Send(new GetSeasonReport(seasonId), ct);
        var output = new MemoryStream();
        await SeasonReportCsv.WriteAsync(output, report, ct);
        return File(output.ToArray(), "text/csv; charset=utf-8", DownloadFileName.For($"report-{report.Season?.Name ?? "no-season"}", User.TimeZone(), clock));
    }
}
