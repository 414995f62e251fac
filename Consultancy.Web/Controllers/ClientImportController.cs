using Consultancy.Application.Clients;
using Consultancy.Application.Clients.Import;
using Consultancy.Web.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Consultancy.Web.Controllers;

/// <summary>Client import from CSV: upload, a preview of every row, then all rows or none.</summary>
[Route("Clients/Import")]
public sealed class ClientImportController(IMediator mediator, ImportUploads uploads) : CsvImportController<ImportRowPreview>(mediator, uploads)
{
    protected override IRequest<ImportPreview<ImportRowPreview>> Preview(Stream csv) => new PreviewClientImport(csv);

    protected override IRequest<ImportResult> Import(Stream csv) => new ImportClients(csv);

    protected override IActionResult Imported(ImportResult result)
    {
        TempData.Success($"Import done: {result.Added} client(s) added, {result.Updated} updated.");
        return RedirectToAction("Index", "Clients", new { sort = ClientSort.RecentlyUpdated });
    }

    protected override (IEnumerable<string> Headers, string FileName) TemplateColumns() => (ClientCsv.Headers, "client-import-template.csv");
}
