using MediatR;

namespace Consultancy.Application.Clients.Import;

/// <summary>What importing this file would do, row by row, without writing anything.</summary>
public sealed record PreviewClientImport(Stream Csv) : IRequest<ImportPreview<ImportRowPreview>>;

public sealed record ImportRowPreview(int RowNumber, string Name, string Email, ImportAction Action, IReadOnlyList<string> Errors,
    IReadOnlyList<FieldChange> Changes) : IImportRow;

internal sealed class PreviewClientImportHandler(ClientImportPlanner planner) : IRequestHandler<PreviewClientImport, ImportPreview<ImportRowPreview>>
{
    public async Task<ImportPreview<ImportRowPreview>> Handle(PreviewClientImport request, CancellationToken ct)
    {
        var plan = await planner.PlanAsync(request.Csv, ct);
        return new ImportPreview<ImportRowPreview>(plan.Rows.Select(r => new ImportRowPreview(r.RowNumber,
            $"{r.Fields.FirstName} {r.Fields.LastName}".Trim(), r.Fields.Email.Trim(), r.Action, r.Errors, r.Changes)).ToList(), plan.Fingerprint);
    }
}
