using AutoMapper;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Application.Letters;

public sealed record GetLetterForEdit(int Id) : IRequest<UpdateLetter>;

internal sealed class GetLetterForEditHandler(IAppDbContext db, IMapper mapper) : IRequestHandler<GetLetterForEdit, UpdateLetter>
{
    public async Task<UpdateLetter> Handle(GetLetterForEdit request, CancellationToken ct) =>
        mapper.Map<UpdateLetter>(await db.LetterRequests.AsNoTracking().GetAsync(request.Id, ct));
}
