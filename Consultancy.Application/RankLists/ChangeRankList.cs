using Consultancy.Application.Clients;
using Consultancy.Application.Common;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using ValidationException = Consultancy.Application.Common.Exceptions.ValidationException;

namespace Consultancy.Application.RankLists;

public enum RankListChange
{
    Add,
    Remove,
    MoveUp,
    MoveDown,
    MoveTo,
    /// <summary>The whole order at once: from dragging, or from the positions typed in without JavaScript.</summary>
    SetOrder,
    /// <summary>By weighted interview score, best first; programs not scored keep their place after the scored ones.</summary>
    SuggestByScore,
}

/// <summary>One change to a client's rank order list for a season, saved as a new revision (who, when, what moved).</summary>
public sealed record ChangeRankList : IRequest<Unit>
{
    public int ClientId { get; set; }
    public string Season { get; set; } = "";
    public RankListChange Change { get; set; }
    public int? ApplicationId { get; set; }
    /// <summary>The 1-based position to move or add to.</summary>
    public int? Position { get; set; }
    /// <summary>For <see cref="RankListChange.SetOrder"/>: the application ids in their new order.</summary>
    public List<int> Order { get; set; } = [];
    /// <summary>For <see cref="RankListChange.SetOrder"/> from the typed positions (one typed to N moves it to N) or from dragging.</summary>
    public Dictionary<int, int> Positions { get; set; } = [];
}

internal sealed class ChangeRankListValidator : AbstractValidator<ChangeRankList>
{
    public ChangeRankListValidator()
    {
        RuleFor(r => r.Season).NotEmpty().WithMessage("Choose the season of the rank order list.").MaximumLength(50).SingleLine();
        RuleFor(r => r.Change).IsInEnum();
        RuleFor(r => r.ApplicationId).NotNull().WithMessage("Choose the program.")
            .When(r => r.Change is RankListChange.Add or RankListChange.Remove or RankListChange.MoveUp or RankListChange.MoveDown or RankListChange.MoveTo);
        RuleFor(r => r.Position).NotNull().WithMessage("Give the position to move to, from 1.").GreaterThanOrEqualTo(1)
            .WithMessage("Positions start at 1.").When(r => r.Change == RankListChange.MoveTo);
        RuleForEach(r => r.Positions).Must(p => p.Value >= 1).WithMessage("Positions start at 1.");
    }
}

internal sealed class ChangeRankListHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<ChangeRankList, Unit>
{
    public async Task<Unit> Handle(ChangeRankList request, CancellationToken ct)
    {
        var client = await db.Clients.GetAsync(request.ClientId, ct);
        var season = request.Season.Trim();
        var list = await db.RankOrderLists.Include(l => l.Revisions).SingleOrDefaultAsync(l => l.ClientId == client.Id && l.Season == season, ct)
            ?? new RankOrderList(client, season);
        var applications = await db.ProgramApplications.Where(a => a.ClientId == client.Id && a.Season == season)
            .Select(a => new { a.Id, a.Program!.Name, ScoreTimesWeight = a.Scores.Sum(s => (int?)(s.Score * s.Criterion!.Weight)), Weights = a.Scores.Sum(s => (int?)s.Criterion!.Weight) })
            .ToDictionaryAsync(a => a.Id, ct);
        if (request.ApplicationId is { } chosen && !applications.ContainsKey(chosen))
            throw new ValidationException(nameof(request.ApplicationId), "That program is not among this client's applications for the season.");

        var order = list.Order.Where(applications.ContainsKey).ToList();
        var id = request.ApplicationId ?? 0;
        switch (request.Change)
        {
            case RankListChange.Add when !order.Contains(id):
                order.Insert(Math.Clamp((request.Position ?? order.Count + 1) - 1, 0, order.Count), id);
                break;
            case RankListChange.Remove:
                order.Remove(id);
                break;
            case RankListChange.MoveUp or RankListChange.MoveDown or RankListChange.MoveTo when order.Contains(id):
                var from = order.IndexOf(id);
                var to = request.Change switch
                {
                    RankListChange.MoveUp => from - 1,
                    RankListChange.MoveDown => from + 1,
                    _ => request.Position!.Value - 1,
                };
                order.RemoveAt(from);
                order.Insert(Math.Clamp(to, 0, order.Count), id);
                break;
            case RankListChange.SetOrder when request.Positions.Count > 0:
                order = RankOrderList.WithTypedPositions(order, request.Positions);
                break;
            case RankListChange.SetOrder:
                if (request.Order.Any(a => !applications.ContainsKey(a)))
                    throw new ValidationException(nameof(request.Order), "The order names a program that is not on the list; reload the page.");
                order = request.Order;
                break;
            case RankListChange.SuggestByScore:
                order = order.Select((app, index) => (app, index, Score: InterviewScore.WeightedMean(applications[app].ScoreTimesWeight, applications[app].Weights)))
                    .OrderBy(e => e.Score is null).ThenByDescending(e => e.Score).ThenBy(e => e.index).Select(e => e.app).ToList();
                break;
        }

        var names = applications.ToDictionary(a => a.Key, a => a.Value.Name);
        // A list is stored from its first revision on; a change that changes nothing stores nothing.
        if (list.Reorder(order, names, user.UserId, clock.GetUtcNow().UtcDateTime) is not null && list.Id == 0) db.RankOrderLists.Add(list);
        await db.SaveChangesAsync(ct);
        return Unit.Value;
    }
}
