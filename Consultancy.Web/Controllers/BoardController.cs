using Consultancy.Application.Board;
using Consultancy.Application.Clients;
using Consultancy.Application.Common.Mapping;
using Consultancy.Application.Domain;
using Consultancy.Application.Users;
using Consultancy.Web.Infrastructure;
using Consultancy.Web.ViewModels;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Consultancy.Web.Controllers;

/// <summary>The pipeline board: the caseload's clients by stage, moved with the same use case as the client page.</summary>
public sealed class BoardController(IMediator mediator) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index([FromQuery] GetPipelineBoard query, CancellationToken ct)
    {
        var board = await mediator.Send(query, ct);
        var consultants = User.IsAdmin() ? await mediator.Send(new GetStaffOptions(), ct) : [];
        return View(new BoardViewModel(query, board, consultants));
    }

    [HttpPost, OnInvalidReturnTo(nameof(Index))]
    public async Task<IActionResult> Move(int id, ClientStage stage, string? consultantId, CancellationToken ct)
    {
        await mediator.Send(new ChangeClientStage(id, stage), ct);
        TempData.Success($"Client moved to {stage.DisplayName()}.");
        return RedirectToAction(nameof(Index), null, new { consultantId = string.IsNullOrWhiteSpace(consultantId) ? null : consultantId }, $"client-{id}");
    }
}
