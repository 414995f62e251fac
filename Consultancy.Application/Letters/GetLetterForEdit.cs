using AutoMapper;
using Consultancy.Application.Common;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Application.Letters;

public sealed record GetLetterForEdit(int Id) : IRequest<UpdateLetter>;

internal sealed class GetLetterForEditHandler(IAppDbContext db, IMapper mapper) : IRequestHandler<GetLetterForEdit, UpdateLetter>
{
    public Task<UpdateLetter> Handle(GetLetterForEdit request, CancellationToken ct) => ReadAsync(db, request.Id, mapper, ct);

    /// <summary>The letter's edit form as saved now: its fields, and the applications it goes to.</summary>
    public static async Task<UpdateLetter> ReadAsync(IAppDbContext db, int id, IMapper mapper, CancellationToken ct)
    {
        var form = await db.LetterRequests.GetAsAsync<LetterRequest, UpdateLetter>(id, mapper.ConfigurationProvider, ct);
        form.ApplicationIds = await db.LetterAssignments.Where(a => a.LetterRequestId == id).OrderBy(a => a.ApplicationId)
            .Select(a => a.ApplicationId).ToListAsync(ct);
        return form;
    }
}
