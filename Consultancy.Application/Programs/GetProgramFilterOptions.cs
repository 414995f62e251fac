using Consultancy.Application.Common.Interfaces;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Application.Programs;

/// <summary>The specialties and states or provinces the directory can be filtered by: those its programs have.</summary>
public sealed record GetProgramFilterOptions : IRequest<ProgramFilterOptions>;

public sealed record ProgramFilterOptions(IReadOnlyList<string> Specialties, IReadOnlyList<string> States);

internal sealed class GetProgramFilterOptionsHandler(IAppDbContext db) : IRequestHandler<GetProgramFilterOptions, ProgramFilterOptions>
{
    private const int SpecialtyKind = 0, StateKind = 1;

    public async Task<ProgramFilterOptions> Handle(GetProgramFilterOptions request, CancellationToken ct)
    {
        // One round trip for both lists, each read from the index that starts with its column.
        var specialties = db.ResidencyPrograms.Select(p => p.Specialty).Distinct().Select(v => new { Kind = SpecialtyKind, Value = v });
        var states = db.ResidencyPrograms.Where(p => p.StateOrProvince != null).Select(p => p.StateOrProvince!).Distinct()
            .Select(v => new { Kind = StateKind, Value = v });
        var rows = await specialties.Concat(states).ToListAsync(ct);
        return new ProgramFilterOptions(
            rows.Where(r => r.Kind == SpecialtyKind).Select(r => r.Value).Order(StringComparer.OrdinalIgnoreCase).ToList(),
            rows.Where(r => r.Kind == StateKind).Select(r => r.Value).Order(StringComparer.OrdinalIgnoreCase).ToList());
    }
}
