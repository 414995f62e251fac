using Consultancy.Application.Clients;
using Consultancy.Application.Common;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Application.Board;

/// <summary>
/// The caseload's active clients as a pipeline: one column per stage, the most recently updated cards
/// first, at most <see cref="CardsPerColumn"/> per column with the full count beside them.
/// </summary>
public sealed record GetPipelineBoard : IRequest<PipelineBoard>
{
    public const int CardsPerColumn = 20;

    /// <summary>Admins may narrow the board to one consultant; a consultant's board is always their own.</summary>
    public string? ConsultantId { get; set; }
}

public sealed record PipelineBoard(IReadOnlyList<BoardColumn> Columns)
{
    public int TotalCount => Columns.Sum(c => c.TotalCount);
}

public sealed record BoardColumn(ClientStage Stage, int TotalCount, IReadOnlyList<BoardCard> Cards)
{
    public int HiddenCount => TotalCount - Cards.Count;
}

public sealed record BoardCard(
    int Id, string FirstName, string LastName, ClientStage Stage, TargetSystem TargetSystem, string? Season,
    string ConsultantDisplayName, DateTime UpdatedAt, NextDeadline? NextDeadline);

/// <summary>The earliest open deadline of a client, due on a date in the client's own zone.</summary>
public sealed record NextDeadline(string Title, DateOnly DueDate, DateTime DueAtUtc)
{
    public bool IsOverdueAt(DateTime nowUtc) => DueAtUtc < nowUtc;
}

internal sealed class GetPipelineBoardHandler(IAppDbContext db, ICurrentUser user, CaseloadTotals totals)
    : IRequestHandler<GetPipelineBoard, PipelineBoard>
{
    public async Task<PipelineBoard> Handle(GetPipelineBoard request, CancellationToken ct)
    {
        var consultantId = user.IsAdmin && !string.IsNullOrWhiteSpace(request.ConsultantId) ? request.ConsultantId : null;
        var clients = db.Clients.InCaseloadOf(user).Where(c => !c.IsArchived);
        if (consultantId is not null) clients = clients.Where(c => c.ConsultantId == consultantId);

        // At most three queries whatever the caseload's size: the counts (kept a while), the capped cards, their next deadlines.
        var counts = (await db.StageSeasonCountsAsync(user, totals, consultantId, ct))
            .GroupBy(c => c.Stage).ToDictionary(g => g.Key, g => g.Sum(c => c.Count));

        var stages = Enum.GetValues<ClientStage>();
        var cards = stages.Where(counts.ContainsKey)
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

        var ids = rows.Select(r => r.Id).ToList();
        var nextDeadlines = ids.Count == 0 ? [] : (await db.Deadlines
                .Where(d => ids.Contains(d.ClientId) && d.Status == DeadlineStatus.Open
                    && d.DueAtUtc == db.Deadlines.Where(o => o.ClientId == d.ClientId && o.Status == DeadlineStatus.Open).Min(o => o.DueAtUtc))
                .Select(d => new { d.ClientId, d.Id, d.Title, d.DueDate, d.DueAtUtc })
                .ToListAsync(ct))
            .GroupBy(d => d.ClientId)
            .ToDictionary(g => g.Key, g => g.OrderBy(d => d.Id).Select(d => new NextDeadline(d.Title, d.DueDate, d.DueAtUtc)).First());

        var columns = stages.Select(stage => new BoardColumn(stage, counts.GetValueOrDefault(stage),
            rows.Where(r => r.Stage == stage).OrderByDescending(r => r.UpdatedAt).ThenByDescending(r => r.Id)
                .Select(r => new BoardCard(r.Id, r.FirstName, r.LastName, r.Stage, r.TargetSystem, r.Season, r.Consultant,
                    r.UpdatedAt, nextDeadlines.GetValueOrDefault(r.Id)))
                .ToList())).ToList();
        return new PipelineBoard(columns);
    }
}
