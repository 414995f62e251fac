using Consultancy.Application.Clients.Import;
using Consultancy.Application.Domain;
using MediatR;

namespace Consultancy.Application.Programs.Import;

/// <summary>What importing this program file would do, row by row, without writing anything.</summary>
public sealed record PreviewProgramImport(Stream Csv) : IRequest<ProgramImportPreview>;

public sealed record ProgramImportPreview(IReadOnlyList<ProgramImportRowPreview> Rows)
{
    public int AddCount => Rows.Count(r => r.Errors.Count == 0 && r.Action == ImportAction.Add);
    public int UpdateCount => Rows.Count(r => r.Errors.Count == 0 && r.Action == ImportAction.Update);
    public IReadOnlyList<ProgramImportRowPreview> RowsWithErrors => Rows.Where(r => r.Errors.Count > 0).ToList();
    public bool CanImport => Rows.All(r => r.Errors.Count == 0);
}

public sealed record ProgramImportRowPreview(int RowNumber, string Name, string Specialty, ProgramSystem System, string? Identifier,
    ImportAction Action, IReadOnlyList<string> Errors);

internal sealed class PreviewProgramImportHandler(ProgramImportPlanner planner) : IRequestHandler<PreviewProgramImport, ProgramImportPreview>
{
    public async Task<ProgramImportPreview> Handle(PreviewProgramImport request, CancellationToken ct)
    {
        var rows = await planner.PlanAsync(request.Csv, ct);
        return new ProgramImportPreview(rows.Select(r => new ProgramImportRowPreview(r.RowNumber, r.Fields.Name.Trim(), r.Fields.Specialty.Trim(),
            r.Fields.System, r.Fields.StoredIdentifier, r.Action, r.Errors)).ToList());
    }
}
