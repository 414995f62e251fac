using Consultancy.Application.Common.Exceptions;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using Consultancy.Application.ProgramApplications;
using Consultancy.Application.Common;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Application.RankLists;

/// <summary>
/// Records that the client certified the current rank order list in the matching system: the ranked applications move
/// to Ranked, and the season's rank-list deadline of the client (planned from its key date) is done, which stops its
/// reminders.
/// </summary>
public sealed record CertifyRankList(int ClientId, string Season) : IRequest<Unit>;

internal sealed class CertifyRankListValidator : AbstractValidator<CertifyRankList>
{
    public CertifyRankListValidator() =>
        RuleFor(r => r.Season).NotEmpty().WithMessage("Choose the season of the rank order list.").MaximumLength(50).SingleLine();
}

internal sealed class CertifyRankListHandler(IAppDbContext db, ICurrentUser user, InterviewPlanner planner, TimeProvider clock)
    : IRequestHandler<CertifyRankList, Unit>
{
    public async Task<Unit> Handle(CertifyRankList request, CancellationToken ct)
    {
        var list = await db.RankOrderLists.Include(l => l.Revisions).Include(l => l.Client)
            .SingleOrDefaultAsync(l => l.ClientId == request.ClientId && l.Season == request.Season, ct)
            ?? throw new NotFoundException(nameof(RankOrderList), request.ClientId);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.BeginTransactionAsync(ct);
        list.Certify(user.UserId, now);

        var ranked = list.Order.ToList();
        var applications = await db.ProgramApplications.ForPlanning()
            .Where(a => ranked.Contains(a.Id) && a.Status < ApplicationStatus.Ranked).ToListAsync(ct);
        var changed = applications.SelectMany(a => planner.Move(a, ApplicationStatus.Ranked)).ToList();

        var deadlines = await db.Deadlines.Include(d => d.Client)
            .Where(d => d.ClientId == list.ClientId && d.Status == DeadlineStatus.Open && d.Season!.Name == list.Season
                && d.PlaybookItem!.AnchorKey == Season.RankListKey && d.Category == DeadlineCategory.RankList)
            .ToListAsync(ct);
        deadlines.ForEach(d => d.Complete(now, user.UserId));
        await planner.PlanRemindersAsync(changed.Concat(deadlines), ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Unit.Value;
    }
}
