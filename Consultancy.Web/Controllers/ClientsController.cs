using Consultancy.Application.Clients;
using Consultancy.Application.Common.Mapping;
using Consultancy.Application.Deadlines;
using Consultancy.Application.Letters;
using Consultancy.Application.Playbooks;
using Consultancy.Application.Privacy;
using Consultancy.Application.Domain;
using Consultancy.Web.Infrastructure;
using Consultancy.Web.ViewModels;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Consultancy.Web.Controllers;

public sealed class ClientsController(IMediator mediator, TimeProvider clock) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index([FromQuery] GetClientList query, CancellationToken ct)
    {
        var clients = await mediator.Send(query, ct);
        var options = await mediator.Send(new GetClientFilterOptions(), ct);
        return View(new ClientListViewModel(query, clients, options));
    }

    [HttpGet]
    public async Task<IActionResult> Details(int id, ActivityFilter activity, CancellationToken ct)
    {
        var client = await mediator.Send(new GetClientDetails(id, Enum.IsDefined(activity) ? activity : ActivityFilter.All), ct);
        var deadlines = await mediator.Send(new GetClientDeadlines(id), ct);
        var seasons = await mediator.Send(new GetSeasons(), ct);
        var letters = await mediator.Send(new GetClientLetters(id), ct);
        var warnings = await mediator.Send(new GetLetterWarnings(id), ct);
        return View(new ClientPageViewModel(client, deadlines, seasons) { Letters = letters, LetterWarnings = warnings, Activity = activity });
    }

    /// <summary>The list as it is filtered, searched and sorted, every page, streamed as CSV.</summary>
    [HttpGet]
    public async Task<IActionResult> Export([FromQuery] GetClientList query, CancellationToken ct)
    {
        var rows = await mediator.Send(new ExportClientList(query), ct);
        await StartCsvDownloadAsync(DownloadFileName.For(query.Archived ? "archived-clients" : "clients", User.TimeZone(), clock));
        await ClientCsv.WriteAsync(Response.Body, rows, ct);
        return new EmptyResult();
    }

    [HttpGet]
    public async Task<IActionResult> ExportDeadlines(int id, CancellationToken ct)
    {
        var client = await mediator.Send(new GetClientForEdit(id), ct);
        var deadlines = await mediator.Send(new GetClientDeadlines(id), ct);
        await StartCsvDownloadAsync(DownloadFileName.For($"deadlines-{client.FirstName}-{client.LastName}", User.TimeZone(), clock));
        await DeadlineCsv.WriteAsync(Response.Body, client.TimeZoneId, deadlines, ct);
        return new EmptyResult();
    }

    /// <summary>Everything held about the client (a subject access request), as one JSON file in a zip.</summary>
    [HttpGet]
    public async Task<IActionResult> ExportData(int id, CancellationToken ct)
    {
        var export = await mediator.Send(new ExportClientData(id), ct);
        return File(export.ToZip(), "application/zip", DownloadFileName.For($"client-{id}-export", User.TimeZone(), clock, "zip"));
    }

    [HttpPost, OnInvalidReturnTo(nameof(Details)), Authorize(Roles = Roles.Admin)]
    public async Task<IActionResult> Erase(int id, string? confirmationName, CancellationToken ct)
    {
        await mediator.Send(new EraseClient(id, confirmationName ?? ""), ct);
        TempData.Success($"The client's personal data was erased. The record stays as “Erased client #{id}”, so counts and charts are unchanged.");
        return RedirectToAction(nameof(Details), new { id });
    }

    private Task StartCsvDownloadAsync(string fileName)
    {
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileNameStar = fileName, FileName = fileName }.ToString();
        return Response.StartAsync();
    }

    [HttpGet]
    public IActionResult Create() =>
        View(new CreateClient { TimeZoneId = User.TimeZone().Id });

    [HttpPost]
    public async Task<IActionResult> Create(CreateClient form, CancellationToken ct)
    {
        var id = await mediator.Send(form, ct);
        TempData.Success($"{form.FirstName} {form.LastName} was added to the caseload.");
        return RedirectToAction(nameof(Details), new { id });
    }

    [HttpGet]
    public async Task<IActionResult> Edit(int id, CancellationToken ct) =>
        View(await mediator.Send(new GetClientForEdit(id), ct));

    [HttpPost]
    public async Task<IActionResult> Edit(int id, UpdateClient form, CancellationToken ct)
    {
        form.Id = id;
        await mediator.Send(form, ct);
        TempData.Success("Changes saved.");
        return RedirectToAction(nameof(Details), new { id });
    }

    [HttpPost, OnInvalidReturnTo(nameof(Details))]
    public async Task<IActionResult> ChangeStage(int id, ClientStage stage, CancellationToken ct)
    {
        await mediator.Send(new ChangeClientStage(id, stage), ct);
        TempData.Success($"Stage changed to {stage.DisplayName()}.");
        return RedirectToAction(nameof(Details), new { id });
    }

    [HttpPost, OnInvalidReturnTo(nameof(Details)), Authorize(Roles = Roles.Admin)]
    public async Task<IActionResult> Assign(int id, string consultantId, CancellationToken ct)
    {
        await mediator.Send(new AssignClient(id, consultantId), ct);
        TempData.Success("Client reassigned.");
        return RedirectToAction(nameof(Details), new { id });
    }

    [HttpPost, OnInvalidReturnTo(nameof(Details))]
    public async Task<IActionResult> Archive(int id, CancellationToken ct)
    {
        await mediator.Send(new ArchiveClient(id), ct);
        TempData.Success("Client archived. Find archived clients with the list's “Archived” filter.");
        return RedirectToAction(nameof(Details), new { id });
    }

    [HttpPost, OnInvalidReturnTo(nameof(Details))]
    public async Task<IActionResult> Restore(int id, CancellationToken ct)
    {
        await mediator.Send(new ArchiveClient(id, Archived: false), ct);
        TempData.Success("Client restored to the active caseload.");
        return RedirectToAction(nameof(Details), new { id });
    }

    [HttpPost, OnInvalidReturnTo(nameof(Details))]
    public async Task<IActionResult> Reminders(int id, bool optedOut, string? note, CancellationToken ct)
    {
        await mediator.Send(new SetReminderOptOut(id, optedOut, note), ct);
        TempData.Success(optedOut ? "Reminder emails to this client are off." : "Reminder emails to this client are back on.");
        return RedirectToAction(nameof(Details), null, new { id }, "deadlines");
    }

    [HttpPost, OnInvalidReturnTo(nameof(Details))]
    public async Task<IActionResult> ApplySeasonPlan(int id, int seasonId, CancellationToken ct)
    {
        var created = await mediator.Send(new ApplyPlaybook(id, seasonId), ct);
        TempData.Success(created == 0 ? "The season plan was already applied: nothing new to add." : $"Season plan applied: {created} deadline(s) added with their reminders.");
        return RedirectToAction(nameof(Details), null, new { id }, "deadlines");
    }

    [HttpPost, OnInvalidReturnTo(nameof(Details))]
    public async Task<IActionResult> AddNote(int id, string body, CancellationToken ct)
    {
        await mediator.Send(new AddClientNote(id, body ?? ""), ct);
        TempData.Success("Note added.");
        return RedirectToAction(nameof(Details), null, new { id }, "notes");
    }

    [HttpPost, OnInvalidReturnTo(nameof(Details))]
    public async Task<IActionResult> AddClinicalExperience(int id, AddClinicalExperience form, CancellationToken ct)
    {
        form.ClientId = id;
        await mediator.Send(form, ct);
        TempData.Success("Clinical experience added.");
        return RedirectToAction(nameof(Details), null, new { id }, "clinical-experience");
    }

    [HttpPost]
    public async Task<IActionResult> RemoveClinicalExperience(int id, CancellationToken ct)
    {
        var clientId = await mediator.Send(new RemoveClinicalExperience(id), ct);
        TempData.Success("Clinical experience removed.");
        return RedirectToAction(nameof(Details), null, new { id = clientId }, "clinical-experience");
    }
}
