using AutoMapper;
using Consultancy.Application.Common;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using MediatR;

namespace Consultancy.Application.Deadlines;

public sealed record GetDeadlineForEdit(int Id) : IRequest<UpdateDeadline>;

internal sealed class GetDeadlineForEditHandler(IAppDbContext db, IMapper mapper) : IRequestHandler<GetDeadlineForEdit, UpdateDeadline>
{
    public Task<UpdateDeadline> Handle(GetDeadlineForEdit request, CancellationToken ct) =>
        db.Deadlines.GetAsAsync<Deadline, UpdateDeadline>(request.Id, mapper.ConfigurationProvider, ct);
}
