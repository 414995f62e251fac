using Consultancy.Application.Common;
using Consultancy.Application.Common.Exceptions;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Application.Playbooks;

/// <summary>An admin asks for a season's plan to be applied to all its clients: records the run that will do it.</summary>
public sealed record StartSeasonPlanRun(int SeasonId) : IRequest<Guid>;

internal sealed class StartSeasonPlanRunHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<StartSeasonPlanRun, Guid>
{
    public async Task<Guid> Handle(StartSeasonPlanRun request, CancellationToken ct)
    {
        user.EnsureAdmin();
        var season = await db.Seasons.SingleOrDefaultAsync(s => s.Id == request.SeasonId, ct)
            ?? throw new NotFoundException(nameof(Season), request.SeasonId);
        var now = clock.GetUtcNow().UtcDateTime;
        // Two runs of one season would race to add the same deadlines (a unique index stops the second with an error).
        var silentSince = now - SeasonPlanRun.SilentAfter;
        if (await db.SeasonPlanRuns.AnyAsync(r => r.SeasonId == season.Id && r.State == SeasonPlanRunState.Running && r.UpdatedAt >= silentSince, ct))
            throw new ValidationException("", $"The {season.Name} plan is already being applied; wait for that run to finish.");
        var run = new SeasonPlanRun(season, now);
        db.SeasonPlanRuns.Add(run);
        await db.SaveChangesAsync(ct);
        return run.Id;
    }
}
