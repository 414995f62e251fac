using AutoMapper;
using AutoMapper.QueryableExtensions;
using Consultancy.Application.Common.Exceptions;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Application.Clients;

public sealed record GetClientForEdit(int Id) : IRequest<UpdateClient>;

internal sealed class GetClientForEditHandler(IAppDbContext db, IMapper mapper) : IRequestHandler<GetClientForEdit, UpdateClient>
{
    public async Task<UpdateClient> Handle(GetClientForEdit request, CancellationToken ct) =>
        await db.Clients.Where(c => c.Id == request.Id)
            .ProjectTo<UpdateClient>(mapper.ConfigurationProvider)
            .SingleOrDefaultAsync(ct)
        ?? throw new NotFoundException(nameof(Client), request.Id);
}
