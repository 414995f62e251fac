using Consultancy.Application.Common.Exceptions;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Application.Clients;

/// <summary>Removes a stretch of clinical experience; the removal goes on the client's timeline. Answers the client's id.</summary>
public sealed record RemoveClinicalExperience(int Id) : IRequest<int>;

internal sealed class RemoveClinicalExperienceHandler(IAppDbContext db) : IRequestHandler<RemoveClinicalExperience, int>
{
    public async Task<int> Handle(RemoveClinicalExperience request, CancellationToken ct)
    {
        var experience = await db.ClinicalExperiences.SingleOrDefaultAsync(e => e.Id == request.Id, ct)
            ?? throw new NotFoundException(nameof(ClinicalExperience), request.Id);
        db.ClinicalExperiences.Remove(experience);
        await db.SaveChangesAsync(ct);
        return experience.ClientId;
    }
}
