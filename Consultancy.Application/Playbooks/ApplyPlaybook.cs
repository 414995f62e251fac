using Consultancy.Application.Clients;
using Consultancy.Application.Common.Exceptions;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Application.Playbooks;

/// <summary>Plans a client's season: one deadline per playbook item of the season's system.</summary>
public sealed record ApplyPlaybook(int ClientId, int SeasonId) : IRequest<int>;

internal sealed class ApplyPlaybookHandler(IAppDbContext db, PlaybookApplication playbooks) : IRequestHandler<ApplyPlaybook, int>
{
    public async Task<int> Handle(ApplyPlaybook request, CancellationToken ct)
    {
        var client = await db.Clients.GetAsync(request.ClientId, ct);
        var season = await db.Seasons.Include(s => s.KeyDates).SingleOrDefaultAsync(s => s.Id == request.SeasonId, ct)
            ?? throw new ValidationException(nameof(request.SeasonId), "Choose a season from the list.");
        return await playbooks.ApplyAsync(season, [client], ct);
    }
}
