using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Application.Playbooks;

public sealed record GetPlaybooks : IRequest<IReadOnlyList<PlaybookDetails>>;

public sealed record PlaybookDetails(int Id, TargetSystem System, string Name, IReadOnlyList<PlaybookItemRow> Items, IReadOnlyList<string> AnchorKeys);

public sealed record PlaybookItemRow(int Id, string Title, DeadlineCategory Category, string AnchorKey, int OffsetDays, string? Description);

internal sealed class GetPlaybooksHandler(IAppDbContext db) : IRequestHandler<GetPlaybooks, IReadOnlyList<PlaybookDetails>>
{
    public async Task<IReadOnlyList<PlaybookDetails>> Handle(GetPlaybooks request, CancellationToken ct)
    {
        var playbooks = await db.Playbooks.AsNoTracking().Include(p => p.Items).OrderBy(p => p.System).ToListAsync(ct);
        var keys = await db.SeasonKeyDates.Join(db.Seasons, k => k.SeasonId, s => s.Id, (k, s) => new { s.System, k.Key })
            .Distinct().ToListAsync(ct);
        return playbooks.Select(p => new PlaybookDetails(p.Id, p.System, p.Name,
                p.Items.OrderBy(i => i.AnchorKey).ThenBy(i => i.OffsetDays)
                    .Select(i => new PlaybookItemRow(i.Id, i.Title, i.Category, i.AnchorKey, i.OffsetDays, i.Description)).ToList(),
                keys.Where(k => k.System == p.System).Select(k => k.Key).Order().ToList()))
            .ToList();
    }
}
