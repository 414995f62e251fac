using Consultancy.Application.Common.Interfaces;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Application.Programs;

/// <summary>Every program the directory shows with these filters (all pages), as CSV rows read one at a time.</summary>
public sealed record ExportProgramList(GetProgramList Filters) : IRequest<IAsyncEnumerable<ProgramCsvRow>>;

internal sealed class ExportProgramListHandler(IAppDbContext db) : IRequestHandler<ExportProgramList, IAsyncEnumerable<ProgramCsvRow>>
{
    public Task<IAsyncEnumerable<ProgramCsvRow>> Handle(ExportProgramList request, CancellationToken ct) =>
        Task.FromResult(Rows(request, ct));

    private async IAsyncEnumerable<ProgramCsvRow> Rows(ExportProgramList request, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var program in db.FilteredPrograms(request.Filters).Include(p => p.VerifiedBy).AsAsyncEnumerable().WithCancellation(ct))
            yield return ProgramCsvRow.From(program);
    }
}
