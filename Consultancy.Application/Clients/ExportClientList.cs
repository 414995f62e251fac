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
    public Task<IAsyncEnumerable<ClientCsvRow>> Handle(ExportClientList request, CancellationToken ct) =>
        Task.FromResult(db.FilteredClients(user, request.Filters).AsNoTracking()
            .ProjectTo<ClientCsvRow>(mapper.ConfigurationProvider)
            .AsAsyncEnumerable());
}
