using Consultancy.Application.RankLists;
using Consultancy.Web.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Consultancy.Web.Controllers;

/// <summary>A client's rank order list for a season; the id is the client's.</summary>
public sealed class RankListController(IMediator mediator, TimeProvider clock) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index(int id, string? season, int? compare, CancellationToken ct)
    {
        ViewData["Compare"] = compare;
        return View(await mediator.Send(new GetRankList(id, season), ct));
    }

    [HttpPost, OnInvalidReturnTo(nameof(Index))]
    public async Task<IActionResult> Change(int id, ChangeRankList form, CancellationToken ct)
    {
        await mediator.Send(form with { ClientId = id }, ct);
        TempData.Success(form.Change == RankListChange.SuggestByScore ? "Ordered by weighted interview score; adjust as the client prefers." : "Rank order list saved.");
        return RedirectToAction(nameof(Index), null, new { id, season = form.Season }, "ranked");
    }

    [HttpPost, OnInvalidReturnTo(nameof(Index))]
    public async Task<IActionResult> Certify(int id, string season, CancellationToken ct)
    {
        await mediator.Send(new CertifyRankList(id, season), ct);
        TempData.Success("Certification recorded; the rank-list deadline is done and its reminders stop.");
        return RedirectToAction(nameof(Index), new { id, season });
    }

    [HttpGet]
    public async Task<IActionResult> Print(int id, string? season, CancellationToken ct) =>
        View(await mediator.Send(new GetRankList(id, season), ct));

    [HttpGet]
    public async Task<IActionResult> Export(int id, string? season, CancellationToken ct)
    {
        var list = await mediator.Send(new GetRankList(id, season), ct);
        var output = new MemoryStream();
        await RankListCsv.WriteAsync(output, list, ct);
        return File(output.ToArray(), "text/csv; charset=utf-8", DownloadFileName.For($"rank-list-{list.Applicant.SeasonName}", User.TimeZone(), clock));
    }
}
