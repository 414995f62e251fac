using AutoMapper;
using Consultancy.Application.Common;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using MediatR;

namespace Consultancy.Application.Programs;

public sealed record GetProgramForEdit(int Id) : IRequest<UpdateProgram>;

internal sealed class GetProgramForEditHandler(IAppDbContext db, IMapper mapper) : IRequestHandler<GetProgramForEdit, UpdateProgram>
{
    public Task<UpdateProgram> Handle(GetProgramForEdit request, CancellationToken ct) =>
        db.ResidencyPrograms.GetAsAsync<ResidencyProgram, UpdateProgram>(request.Id, mapper.ConfigurationProvider, ct);
}
