using System.Runtime.CompilerServices;
using AutoMapper;
using AutoMapper.QueryableExtensions;
using Consultancy.Application.Common.Interfaces;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Application.Clients;

/// <summary>Every client the list shows with these filters, search and sort (all pages), as CSV rows read one at a time.</summary>
public sealed record ExportClientList(GetClientList Filters) : IRequest<IAsyncEnumerable<ClientCsvRow>>;

internal sealed class ExportClientListHandler(IAppDbContext db, IMapper mapper, ICurrentUser user)
    : IRequestHandler<ExportClientList, IAsyncEnumerable<ClientCsvRow>>
{
    public async Task<IAsyncEnumerable<ClientCsvRow>> Handle(ExportClientList request, CancellationToken ct)
    {
        // The clinical experience of every exported client in one query before the rows stream, by email (unique per client).
        var selected = db.SelectedClients(user, request.Filters.Normalised()).Select(c => c.Id);
        var experience = (await db.ClinicalExperiences.AsNoTracking().Where(e => selected.Contains(e.ClientId))
                .OrderBy(e => e.Id)
                .Select(e => new { e.Client!.Email, e.Kind, e.Place, e.Months })
                .ToListAsync(ct))
            .GroupBy(e => e.Email)
            .ToDictionary(g => g.Key, g => ClinicalExperienceCsv.Format(g.Select(e => new ClinicalExperienceFields { Kind = e.Kind, Place = e.Place, Months = e.Months })));

        var rows = db.FilteredClients(user, request.Filters).AsNoTracking()
            .ProjectTo<ClientCsvRow>(mapper.ConfigurationProvider)
            .AsAsyncEnumerable();
        return WithClinicalExperience(rows, experience, ct);
    }

    private static async IAsyncEnumerable<ClientCsvRow> WithClinicalExperience(
        IAsyncEnumerable<ClientCsvRow> rows, Dictionary<string, string> experience, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var row in rows.WithCancellation(ct))
        {
            row.ClinicalExperience = experience.GetValueOrDefault(row.Email);
            yield return row;
        }
    }
}
