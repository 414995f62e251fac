using Consultancy.Application.Clients;
using Consultancy.Application.Domain;
using Consultancy.Application.Letters;
using Consultancy.Application.Users;
using Consultancy.Web.Infrastructure;
using Consultancy.Web.ViewModels;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Consultancy.Web.Controllers;

public sealed class LettersController(IMediator mediator) : Controller
{
    /// <summary>Letters waiting on referees across the caseload.</summary>
    [HttpGet]
    public async Task<IActionResult> Index([FromQuery] GetLettersWaiting query, CancellationToken ct)
    {
        var letters = await mediator.Send(query, ct);
        var consultants = User.IsAdmin() ? await mediator.Send(new GetStaffOptions(), ct) : [];
        return View(new LettersWaitingViewModel(query, letters, consultants));
    }

    /// <summary>Where a small letter form posted from the client page goes back to when its input is refused.</summary>
    [HttpGet]
    public async Task<IActionResult> BackToClient(int id, CancellationToken ct)
    {
        var letter = await mediator.Send(new GetLetterForEdit(id), ct);
        return RedirectToAction("Details", "Clients", new { id = letter.ClientId }, "letters");
    }

    [HttpGet]
    public async Task<IActionResult> Create(int clientId, CancellationToken ct)
    {
        var client = await mediator.Send(new GetClientForEdit(clientId), ct);
        ViewData["ClientName"] = $"{client.FirstName} {client.LastName}";
        return View(new AddLetter
        {
            ClientId = clientId,
            System = client.TargetSystem == TargetSystem.CaRMS ? LetterSystem.CaRMS : LetterSystem.ERAS,
            Specialty = client.TargetSpecialties?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "",
        });
    }

    [HttpPost]
    public async Task<IActionResult> Create(AddLetter form, CancellationToken ct)
    {
        await mediator.Send(form, ct);
        TempData.Success($"Letter from {form.RefereeName} planned; its due date is on the client's deadlines.");
        return RedirectToAction("Details", "Clients", new { id = form.ClientId }, "letters");
    }

    [HttpGet]
    public async Task<IActionResult> Edit(int id, CancellationToken ct) =>
        View(await mediator.Send(new GetLetterForEdit(id), ct));

    [HttpPost]
    public async Task<IActionResult> Edit(int id, UpdateLetter form, CancellationToken ct)
    {
        form.Id = id;
        await mediator.Send(form, ct);
        TempData.Success("Letter saved.");
        return RedirectToAction("Details", "Clients", new { id = form.ClientId }, "letters");
    }

    [HttpPost, OnInvalidReturnTo(nameof(BackToClient))]
    public async Task<IActionResult> SendRequest(int id, CancellationToken ct)
    {
        var clientId = await mediator.Send(new SendLetterRequest(id), ct);
        TempData.Success("Request queued to the referee; follow-ups are planned until they answer.");
        return RedirectToAction("Details", "Clients", new { id = clientId }, "letters");
    }

    [HttpPost, OnInvalidReturnTo(nameof(BackToClient))]
    public async Task<IActionResult> Status(int id, LetterStatus status, string? reason, DateOnly? uploadedOn, CancellationToken ct)
    {
        var clientId = await mediator.Send(new RecordLetterStatus(id, status, reason, uploadedOn), ct);
        TempData.Success(status switch
        {
            LetterStatus.Confirmed => "Recorded: the referee confirmed.",
            LetterStatus.Declined => "Recorded: the referee declined; the letter's deadline is cancelled.",
            LetterStatus.Uploaded => "Recorded: the letter is uploaded; its deadline is done.",
            _ => "Letter cancelled; its deadline and follow-ups are cancelled.",
        });
        return RedirectToAction("Details", "Clients", new { id = clientId }, "letters");
    }

    /// <summary>"Uploaded" on a row of the letters waiting: back to the same list, its filters and page kept.</summary>
    [HttpPost, OnInvalidReturnTo(nameof(Index))]
    public async Task<IActionResult> MarkUploaded(int id, DateOnly? uploadedOn, [FromQuery] GetLettersWaiting list, CancellationToken ct)
    {
        await mediator.Send(new RecordLetterStatus(id, LetterStatus.Uploaded, UploadedOn: uploadedOn), ct);
        TempData.Success("Letter marked uploaded; its deadline is done and the applicant's reminders for it are cancelled.");
        return RedirectToAction(nameof(Index), LettersWaitingViewModel.Route(list));
    }

    /// <summary>"Resend" on a row of the letters waiting.</summary>
    [HttpPost, OnInvalidReturnTo(nameof(Index))]
    public async Task<IActionResult> Resend(int id, [FromQuery] GetLettersWaiting list, CancellationToken ct)
    {
        await mediator.Send(new SendLetterRequest(id), ct);
        TempData.Success("Letter request resent; the referee's follow-ups start again from today.");
        return RedirectToAction(nameof(Index), LettersWaitingViewModel.Route(list));
    }

    /// <summary>"Undo" on a row of the letters uploaded.</summary>
    [HttpPost, OnInvalidReturnTo(nameof(Index))]
    public async Task<IActionResult> UndoUpload(int id, [FromQuery] GetLettersWaiting list, CancellationToken ct)
    {
        await mediator.Send(new UndoLetterUpload(id), ct);
        TempData.Success("Upload undone: the letter is waiting on its referee again and its deadline is open.");
        return RedirectToAction(nameof(Index), LettersWaitingViewModel.Route(list));
    }

    /// <summary>Mark uploaded, resend or undo the upload of the ticked rows, all in one go; back to the same list.</summary>
    [HttpPost, OnInvalidReturnTo(nameof(Index))]
    public async Task<IActionResult> Bulk(List<int> letterIds, BulkLetterAction change, [FromQuery] GetLettersWaiting list, CancellationToken ct)
    {
        var result = await mediator.Send(new ChangeLetters(letterIds, change), ct);
        TempData.Success(change switch
        {
            BulkLetterAction.MarkUploaded => BulkChangeText.Describe(result, "letter", "marked uploaded"),
            BulkLetterAction.Resend => BulkChangeText.Describe(result, "letter request", "resent"),
            _ => BulkChangeText.Describe(result, "upload", "undone"),
        });
        return RedirectToAction(nameof(Index), LettersWaitingViewModel.Route(list));
    }

    [HttpPost, OnInvalidReturnTo(nameof(BackToClient))]
    public async Task<IActionResult> Delete(int id, CancellationToken ct)
    {
        var clientId = await mediator.Send(new DeleteLetter(id), ct);
        TempData.Success("Letter deleted.");
        return RedirectToAction("Details", "Clients", new { id = clientId }, "letters");
    }
}
