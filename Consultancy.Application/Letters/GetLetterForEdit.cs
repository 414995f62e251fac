using AutoMapper;
using Consultancy.Application.Common;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using MediatR;

namespace Consultancy.Application.Letters;

public sealed record GetLetterForEdit(int Id) : IRequest<UpdateLetter>;

internal sealed class GetLetterForEditHandler(IAppDbContext db, IMapper mapper) : IRequestHandler<GetLetterForEdit, UpdateLetter>
{
    public Task<UpdateLetter> Handle(GetLetterForEdit request, CancellationToken ct) =>
        db.LetterRequests.GetAsAsync<LetterRequest, UpdateLetter>(request.Id, mapper.ConfigurationProvider, ct);
}
