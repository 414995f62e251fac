using Consultancy.Application.Programs;
using Consultancy.Web.Infrastructure;
using Consultancy.Web.ViewModels;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Consultancy.Web.Controllers;

/// <summary>The consultancy's shared program directory: every consultant and admin sees and edits all of it.</summary>
public sealed class ProgramsController(IMediator mediator, TimeProvider clock) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index([FromQuery] GetProgramList query, CancellationToken ct)
    {
        var programs = await mediator.Send(query, ct);
        var options = await mediator.Send(new GetProgramFilterOptions(), ct);
        return View(new ProgramListViewModel(query, programs, options));
    }

    [HttpGet]
    public async Task<IActionResult> Details(int id, CancellationToken ct) =>
        View(await mediator.Send(new GetProgramDetails(id), ct));

    /// <summary>The directory as it is filtered, every page, streamed as CSV in the import's columns.</summary>
    [HttpGet]
    public async Task<IActionResult> Export([FromQuery] GetProgramList query, CancellationToken ct)
    {
        var rows = await mediator.Send(new ExportProgramList(query), ct);
        var fileName = DownloadFileName.For("programs", User.TimeZone(), clock);
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileNameStar = fileName, FileName = fileName }.ToString();
        await Response.StartAsync(ct);
        await ProgramCsv.WriteAsync(Response.Body, rows, ct);
        return new EmptyResult();
    }

    [HttpGet]
    public IActionResult Create() => View(new CreateProgram());

    [HttpPost]
    public async Task<IActionResult> Create(CreateProgram form, CancellationToken ct)
    {
        var id = await mediator.Send(form, ct);
        TempData.Success($"{form.Name.Trim()} was added to the program directory.");
        return RedirectToAction(nameof(Details), new { id });
    }

    [HttpGet]
    public async Task<IActionResult> Edit(int id, CancellationToken ct) =>
        View(await mediator.Send(new GetProgramForEdit(id), ct));

    [HttpPost]
    public async Task<IActionResult> Edit(int id, UpdateProgram form, CancellationToken ct)
    {
        form.Id = id;
        await mediator.Send(form, ct);
        TempData.Success("Changes saved.");
        return RedirectToAction(nameof(Details), new { id });
    }
}
