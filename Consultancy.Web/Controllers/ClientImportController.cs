using Consultancy.Application.Clients;
using Consultancy.Application.Clients.Import;
using Consultancy.Web.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Consultancy.Web.Controllers;

/// <summary>Client import from CSV: upload, a preview of every row, then every row or none, or the valid rows only.</summary>
[Route("Clients/Import")]
public sealed class ClientImportController(IMediator mediator, ImportUploads uploads) : CsvImportController<ImportRowPreview>(mediator, uploads)
{
    protected override IRequest<ImportPreview<ImportRowPreview>> Preview(Stream csv) => new PreviewClientImport(csv);

    protected override IRequest<ImportResult> Import(Stream csv, ImportChoice choice, string plan) => new ImportClients(csv, choice, plan);

    protected override string Records => "client(s)";

    protected override string ListController => "Clients";

    /// <summary>The client list with the clients just imported first.</summary>
    protected override IActionResult ListAfterImport() => RedirectToAction("Index", "Clients", new { sort = ClientSort.RecentlyUpdated });

    protected override (IEnumerable<string> Headers, string FileName) TemplateColumns() => (ClientCsv.Headers, "client-import-template.csv");
}
