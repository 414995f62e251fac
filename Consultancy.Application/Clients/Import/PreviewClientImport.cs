using MediatR;

namespace Consultancy.Application.Clients.Import;

/// <summary>What importing this file would do, row by row, without writing anything.</summary>
public sealed record PreviewClientImport(Stream Csv) : IRequest<ClientImportPreview>;

public sealed record ClientImportPreview(IReadOnlyList<ImportRowPreview> Rows)
{
    public int AddCount => Rows.Count(r => r.Errors.Count == 0 && r.Action == ImportAction.Add);
    public int UpdateCount => Rows.Count(r => r.Errors.Count == 0 && r.Action == ImportAction.Update);
    public IReadOnlyList<ImportRowPreview> RowsWithErrors => Rows.Where(r => r.Errors.Count > 0).ToList();
    public bool CanImport => Rows.All(r => r.Errors.Count == 0);
}

public sealed record ImportRowPreview(int RowNumber, string Name, string Email, ImportAction Action, IReadOnlyList<string> Errors);

internal sealed class PreviewClientImportHandler(ClientImportPlanner planner) : IRequestHandler<PreviewClientImport, ClientImportPreview>
{
    public async Task<ClientImportPreview> Handle(PreviewClientImport request, CancellationToken ct)
    {
        var rows = await planner.PlanAsync(request.Csv, ct);
        return new ClientImportPreview(rows.Select(r => new ImportRowPreview(r.RowNumber,
            $"{r.Fields.FirstName} {r.Fields.LastName}".Trim(), r.Fields.Email.Trim(), r.Action, r.Errors)).ToList());
    }
}
