using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Application.Letters;

/// <summary>The wording of the request email to referees, for the admins' edit form.</summary>
public sealed record GetLetterRequestTemplate : IRequest<UpdateLetterRequestTemplate>;

internal sealed class GetLetterRequestTemplateHandler(IAppDbContext db) : IRequestHandler<GetLetterRequestTemplate, UpdateLetterRequestTemplate>
{
    public async Task<UpdateLetterRequestTemplate> Handle(GetLetterRequestTemplate request, CancellationToken ct)
    {
        var template = await db.LetterRequestTemplates.AsNoTracking().OrderBy(t => t.Id).FirstOrDefaultAsync(ct) ?? new LetterRequestTemplate();
        return new UpdateLetterRequestTemplate { Subject = template.Subject, Body = template.Body };
    }
}
