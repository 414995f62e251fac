using AutoMapper;
using Consultancy.Application.Common;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using MediatR;

namespace Consultancy.Application.Clients;

public sealed record GetClientForEdit(int Id) : IRequest<UpdateClient>;

internal sealed class GetClientForEditHandler(IAppDbContext db, IMapper mapper) : IRequestHandler<GetClientForEdit, UpdateClient>
{
    public Task<UpdateClient> Handle(GetClientForEdit request, CancellationToken ct) =>
        db.Clients.GetAsAsync<Client, UpdateClient>(request.Id, mapper.ConfigurationProvider, ct);
}
