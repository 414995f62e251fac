using Consultancy.Application.Backups;
using Consultancy.Application.Domain;
using Consultancy.Web.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Consultancy.Web.Controllers;

[Authorize(Roles = Roles.Admin)]
public sealed class BackupController(IMediator mediator) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await mediator.Send(new GetBackupAvailability(), ct));

    /// <summary>Takes a consistent copy of the live database, keeps it in the backup folder and downloads it.</summary>
    [HttpPost, OnInvalidReturnTo(nameof(Index))]
    public async Task<IActionResult> Create(CancellationToken ct)
    {
        var backup = await mediator.Send(new BackupDatabase(), ct);
        return PhysicalFile(backup.FilePath, "application/vnd.sqlite3", backup.FileName);
    }
}
