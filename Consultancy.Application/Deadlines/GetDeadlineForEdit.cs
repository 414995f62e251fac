using AutoMapper;
using AutoMapper.QueryableExtensions;
using Consultancy.Application.Common.Exceptions;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Application.Deadlines;

public sealed record GetDeadlineForEdit(int Id) : IRequest<UpdateDeadline>;

internal sealed class GetDeadlineForEditHandler(IAppDbContext db, IMapper mapper) : IRequestHandler<GetDeadlineForEdit, UpdateDeadline>
{
    public async Task<UpdateDeadline> Handle(GetDeadlineForEdit request, CancellationToken ct) =>
        await db.Deadlines.Where(d => d.Id == request.Id)
            .ProjectTo<UpdateDeadline>(mapper.ConfigurationProvider)
            .SingleOrDefaultAsync(ct)
        ?? throw new NotFoundException(nameof(Deadline), request.Id);
}
