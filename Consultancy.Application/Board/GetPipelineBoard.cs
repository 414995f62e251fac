using Consultancy.Application.Clients;
using Consultancy.Application.Common;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Application.Board;

/// <summary>
/// The caseload's active clients as a pipeline: one column per working stage, the most recently updated cards first,
/// at most <see cref="CardsPerColumn"/> per column with the full count beside them, each card with the next step of
/// its stage. The end stages (<see cref="Client.EndStages"/>) are counts only: their clients need no next step.
/// </summary>
public sealed record GetPipelineBoard : IRequest<PipelineBoard>
{
    public const int CardsPerColumn = 8;

    /// <summary>Admins may narrow the board to one consultant; a consultant's board is always their own.</summary>
    public string? ConsultantId { get; set; }
}

public sealed record PipelineBoard(IReadOnlyList<BoardColumn> Columns, IReadOnlyList<EndStageCount> EndStages)
{
    public int TotalCount => Columns.Sum(c => c.TotalCount) + EndStages.Sum(e => e.Count);
}

public sealed record BoardColumn(ClientStage Stage, int TotalCount, IReadOnlyList<BoardCard> Cards)
{
    public int HiddenCount => TotalCount - Cards.Count;
}

public sealed record EndStageCount(ClientStage Stage, int Count);

public sealed record BoardCard(
    int Id, string FirstName, string LastName, ClientStage Stage, TargetSystem TargetSystem, string? Season,
    string ConsultantDisplayName, DateTime UpdatedAt, NextStep NextStep);

/// <summary>What comes next for a client in their stage: a call to book, the booked call, or the deadline that stage is about.</summary>
/// <param name="DueAtUtc">When it is due or happens; none for a step with no date (booking the first call).</param>
/// <param name="DueDate">The date in the client's own zone.</param>
public sealed record NextStep(string Text, DateTime? DueAtUtc, DateOnly? DueDate)
{
    public bool IsOverdueAt(DateTime nowUtc) => DueAtUtc < nowUtc;
}

internal sealed class GetPipelineBoardHandler(IAppDbContext db, ICurrentUser user, CaseloadTotals totals, TimeProvider clock)
    : IRequestHandler<GetPipelineBoard, PipelineBoard>
{
    /// <summary>The deadlines each working stage is about, soonest first; a stage without its own falls back to any.</summary>
    private static readonly Dictionary<ClientStage, DeadlineCategory[]> StageCategories = new()
    {
        [ClientStage.Onboarding] = [DeadlineCategory.Exam, DeadlineCategory.Documents, DeadlineCategory.Visa],
        [ClientStage.Documents] = [DeadlineCategory.Documents, DeadlineCategory.Letters, DeadlineCategory.Exam],
        [ClientStage.Applied] = [DeadlineCategory.Application, DeadlineCategory.Letters, DeadlineCategory.Interview],
        [ClientStage.Interviewing] = [DeadlineCategory.Interview, DeadlineCategory.RankList],
        [ClientStage.RankListSubmitted] = [DeadlineCategory.RankList, DeadlineCategory.Other],
    };

    public async Task<PipelineBoard> Handle(GetPipelineBoard request, CancellationToken ct)
    {
        var consultantId = user.IsAdmin && !string.IsNullOrWhiteSpace(request.ConsultantId) ? request.ConsultantId : null;
        var clients = db.Clients.InCaseloadOf(user).Where(c => !c.IsArchived);
        if (consultantId is not null) clients = clients.Where(c => c.ConsultantId == consultantId);

        // At most four queries whatever the caseload's size: the counts (kept a while), the capped cards, and for the
        // cards their next deadline of each category and their next booked call.
        var counts = (await db.StageSeasonCountsAsync(user, totals, consultantId, ct))
            .GroupBy(c => c.Stage).ToDictionary(g => g.Key, g => g.Sum(c => c.Count));

        var working = Enum.GetValues<ClientStage>().Where(s => !Client.EndStages.Contains(s)).ToList();
        var cards = working.Where(counts.ContainsKey)
            .Select(stage => clients.Where(c => c.Stage == stage)
                .OrderByDescending(c => c.UpdatedAt).ThenByDescending(c => c.Id).Take(GetPipelineBoard.CardsPerColumn))
            .Aggregate((IQueryable<Client>?)null, (all, column) => all is null ? column : all.Concat(column));
        var rows = cards is null ? [] : await cards
            .Select(c => new
            {
                c.Id, c.FirstName, c.LastName, c.Stage, c.TargetSystem, c.Season,
                Consultant = c.Consultant!.DisplayName, c.UpdatedAt,
            })
            .ToListAsync(ct);

        var steps = await NextStepsAsync(rows.Select(r => (r.Id, r.Stage)).ToList(), ct);
        var columns = working.Select(stage => new BoardColumn(stage, counts.GetValueOrDefault(stage),
            rows.Where(r => r.Stage == stage).OrderByDescending(r => r.UpdatedAt).ThenByDescending(r => r.Id)
                .Select(r => new BoardCard(r.Id, r.FirstName, r.LastName, r.Stage, r.TargetSystem, r.Season, r.Consultant,
                    r.UpdatedAt, steps[r.Id]))
                .ToList())).ToList();
        var endStages = Client.EndStages.Select(stage => new EndStageCount(stage, counts.GetValueOrDefault(stage))).ToList();
        return new PipelineBoard(columns, endStages);
    }

    private sealed record DeadlineStep(int ClientId, int Id, string Title, DeadlineCategory Category, DateOnly DueDate, DateTime DueAtUtc);

    private async Task<Dictionary<int, NextStep>> NextStepsAsync(IReadOnlyList<(int Id, ClientStage Stage)> cards, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var ids = cards.Select(c => c.Id).ToList();
        var dated = cards.Where(c => StageCategories.ContainsKey(c.Stage)).Select(c => c.Id).ToList();
        // The earliest open deadline of each category: a handful of rows per card, however many deadlines there are.
        var deadlines = (dated.Count == 0 ? [] : await db.Deadlines
                .Where(d => dated.Contains(d.ClientId) && d.Status == DeadlineStatus.Open
                    && d.DueAtUtc == db.Deadlines.Where(o => o.ClientId == d.ClientId && o.Category == d.Category && o.Status == DeadlineStatus.Open)
                        .Min(o => o.DueAtUtc))
                .Select(d => new DeadlineStep(d.ClientId, d.Id, d.Title, d.Category, d.DueDate, d.DueAtUtc))
                .ToListAsync(ct))
            .ToLookup(d => d.ClientId);
        var booked = cards.Where(c => c.Stage == ClientStage.CallBooked).Select(c => c.Id).ToList();
        var calls = booked.Count == 0 ? [] : (await db.StrategyCalls
                .Where(call => booked.Contains(call.ClientId) && call.Status == CallStatus.Booked && call.StartUtc >= now)
                .GroupBy(call => call.ClientId)
                .Select(g => new { ClientId = g.Key, StartUtc = g.Min(call => call.StartUtc) })
                .ToListAsync(ct))
            .ToDictionary(c => c.ClientId, c => c.StartUtc);

        return cards.ToDictionary(c => c.Id, c => c.Stage switch
        {
            ClientStage.Lead => new NextStep("Book a free strategy call", null, null),
            ClientStage.CallBooked => calls.TryGetValue(c.Id, out var start)
                ? new NextStep("Strategy call", start, null)
                : new NextStep("No call booked: offer a time", null, null),
            var stage => deadlines[c.Id].OrderBy(d => StageCategories[stage].Contains(d.Category) ? 0 : 1).ThenBy(d => d.DueAtUtc).ThenBy(d => d.Id)
                .Select(d => new NextStep(d.Title, d.DueAtUtc, d.DueDate)).FirstOrDefault() ?? new NextStep("No open deadlines", null, null),
        });
    }
}
