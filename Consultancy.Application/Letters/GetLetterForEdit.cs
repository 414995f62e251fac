using AutoMapper;
using AutoMapper.QueryableExtensions;
using Consultancy.Application.Common.Exceptions;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Application.Letters;

public sealed record GetLetterForEdit(int Id) : IRequest<UpdateLetter>;

internal sealed class GetLetterForEditHandler(IAppDbContext db, IMapper mapper) : IRequestHandler<GetLetterForEdit, UpdateLetter>
{
    public async Task<UpdateLetter> Handle(GetLetterForEdit request, CancellationToken ct) =>
        await db.LetterRequests.Where(l => l.Id == request.Id)
            .ProjectTo<UpdateLetter>(mapper.ConfigurationProvider)
            .SingleOrDefaultAsync(ct)
        ?? throw new NotFoundException(nameof(LetterRequest), request.Id);
}
