using Consultancy.Application.Common;
using Consultancy.Application.Common.Exceptions;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Application.Playbooks;

/// <summary>Removes a specialty's signal limits from a season: its signals are no longer limited.</summary>
/// <returns>The specialty whose limits went.</returns>
public sealed record RemoveSignalLimits(int SeasonId, int LimitId) : IRequest<string>;

internal sealed class RemoveSignalLimitsHandler(IAppDbContext db, ICurrentUser user) : IRequestHandler<RemoveSignalLimits, string>
{
    public async Task<string> Handle(RemoveSignalLimits request, CancellationToken ct)
    {
        user.EnsureAdmin();
        var limit = await db.SeasonSignalLimits.SingleOrDefaultAsync(l => l.Id == request.LimitId && l.SeasonId == request.SeasonId, ct)
            ?? throw new NotFoundException(nameof(SeasonSignalLimit), request.LimitId);
        db.SeasonSignalLimits.Remove(limit);
        await db.SaveChangesAsync(ct);
        return limit.Specialty;
    }
}
