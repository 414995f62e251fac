using Consultancy.Application.Common;
using Consultancy.Application.Common.Exceptions;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Application.Playbooks;

/// <summary>How far a season plan run has got, for its progress page.</summary>
public sealed record GetSeasonPlanRun(Guid Id) : IRequest<SeasonPlanRunStatus>;

/// <param name="Abandoned">Still marked running but silent for longer than a batch takes: its app instance stopped.</param>
public sealed record SeasonPlanRunStatus(
    Guid Id, int SeasonId, string SeasonName, SeasonPlanRunState State, int ClientsDone, int? ClientsTotal, int DeadlinesCreated, bool Abandoned)
{
    /// <summary>Nothing more will happen to this run.</summary>
    public bool Over => State != SeasonPlanRunState.Running || Abandoned;
}

internal sealed class GetSeasonPlanRunHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<GetSeasonPlanRun, SeasonPlanRunStatus>
{
    public async Task<SeasonPlanRunStatus> Handle(GetSeasonPlanRun request, CancellationToken ct)
    {
        user.EnsureAdmin();
        var run = await db.SeasonPlanRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == request.Id, ct)
            ?? throw new NotFoundException(nameof(SeasonPlanRun), request.Id);
        return new SeasonPlanRunStatus(run.Id, run.SeasonId, run.SeasonName, run.State, run.ClientsDone, run.ClientsTotal,
            run.DeadlinesCreated, run.IsAbandoned(clock.GetUtcNow().UtcDateTime));
    }
}
