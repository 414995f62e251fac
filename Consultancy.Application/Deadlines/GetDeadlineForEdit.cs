using AutoMapper;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Application.Deadlines;

public sealed record GetDeadlineForEdit(int Id) : IRequest<UpdateDeadline>;

internal sealed class GetDeadlineForEditHandler(IAppDbContext db, IMapper mapper) : IRequestHandler<GetDeadlineForEdit, UpdateDeadline>
{
    public async Task<UpdateDeadline> Handle(GetDeadlineForEdit request, CancellationToken ct) =>
        mapper.Map<UpdateDeadline>(await db.Deadlines.GetWithClientAsync(request.Id, ct));
}
