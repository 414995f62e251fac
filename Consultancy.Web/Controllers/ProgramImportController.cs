using Consultancy.Application.Clients.Import;
using Consultancy.Application.Programs;
using Consultancy.Application.Programs.Import;
using Consultancy.Web.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Consultancy.Web.Controllers;

/// <summary>Program import from CSV: upload, a preview of every row, then every row or none, or the valid rows only.</summary>
[Route("Programs/Import")]
public sealed class ProgramImportController(IMediator mediator, ImportUploads uploads) : CsvImportController<ProgramImportRowPreview>(mediator, uploads)
{
    protected override IRequest<ImportPreview<ProgramImportRowPreview>> Preview(Stream csv) => new PreviewProgramImport(csv);

    protected override IRequest<ImportResult> Import(Stream csv, ImportChoice choice, string plan) => new ImportPrograms(csv, choice, plan);

    protected override string Records => "program(s)";

    protected override string ListController => "Programs";

    protected override (IEnumerable<string> Headers, string FileName) TemplateColumns() => (ProgramCsv.Headers, "program-import-template.csv");
}
