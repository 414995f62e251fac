using Consultancy.Application.Clients.Import;
using Consultancy.Application.Domain;
using MediatR;

namespace Consultancy.Application.Programs.Import;

/// <summary>What importing this program file would do, row by row, without writing anything.</summary>
public sealed record PreviewProgramImport(Stream Csv) : IRequest<ImportPreview<ProgramImportRowPreview>>;

public sealed record ProgramImportRowPreview(int RowNumber, string Name, string Specialty, ProgramSystem System, string? Identifier,
    ImportAction Action, IReadOnlyList<string> Errors, IReadOnlyList<FieldChange> Changes) : IImportRow;

internal sealed class PreviewProgramImportHandler(ProgramImportPlanner planner) : IRequestHandler<PreviewProgramImport, ImportPreview<ProgramImportRowPreview>>
{
    public async Task<ImportPreview<ProgramImportRowPreview>> Handle(PreviewProgramImport request, CancellationToken ct)
    {
        var plan = await planner.PlanAsync(request.Csv, ct);
        return new ImportPreview<ProgramImportRowPreview>(plan.Rows.Select(r => new ProgramImportRowPreview(r.RowNumber, r.Fields.Name.Trim(), r.Fields.Specialty.Trim(),
            r.Fields.System, r.Fields.StoredIdentifier, r.Action, r.Errors, r.Changes)).ToList(), plan.Fingerprint);
    }
}
