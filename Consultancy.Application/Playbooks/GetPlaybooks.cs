using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Application.Playbooks;

/// <summary>
/// The playbooks with their items in the order they fall due, each placed on the latest season of its system as an
/// example, and the key dates an item can be placed from, by name.
/// </summary>
public sealed record GetPlaybooks : IRequest<IReadOnlyList<PlaybookDetails>>;

/// <param name="ExampleSeason">The season whose dates the items' <see cref="PlaybookItemRow.ExampleDate"/> come from; none when the system has no season.</param>
public sealed record PlaybookDetails(int Id, TargetSystem System, string Name, IReadOnlyList<PlaybookItemRow> Items, IReadOnlyList<AnchorChoice> Anchors,
    string? ExampleSeason);

/// <param name="ExampleDate">Where the item falls in the example season; none when that season lacks its key date.</param>
public sealed record PlaybookItemRow(int Id, string Title, DeadlineCategory Category, string AnchorKey, int OffsetDays, string? Description,
    ProfileCondition MetWhen, DateOnly? ExampleDate);

/// <summary>A key date an item can be placed from: its key (what is stored) and its name in the latest season.</summary>
public sealed record AnchorChoice(string Key, string Name);

internal sealed class GetPlaybooksHandler(IAppDbContext db) : IRequestHandler<GetPlaybooks, IReadOnlyList<PlaybookDetails>>
{
    public async Task<IReadOnlyList<PlaybookDetails>> Handle(GetPlaybooks request, CancellationToken ct)
    {
        var playbooks = await db.Playbooks.AsNoTracking().Include(p => p.Items).OrderBy(p => p.System).ToListAsync(ct);
        var keyDates = await db.SeasonKeyDates.Join(db.Seasons, k => k.SeasonId, s => s.Id, (k, s) => new { s.System, Season = s.Name, k.Key, k.Name, k.Date })
            .ToListAsync(ct);
        return playbooks.Select(p =>
        {
            var ofSystem = keyDates.Where(k => k.System == p.System).ToList();
            // The season whose dates are latest stands for the system: its names and dates are the current ones.
            var example = ofSystem.MaxBy(k => k.Date)?.Season;
            var exampleDates = ofSystem.Where(k => k.Season == example).ToDictionary(k => k.Key, k => k.Date);
            var anchors = ofSystem.GroupBy(k => k.Key)
                .Select(g => (Choice: new AnchorChoice(g.Key, g.MaxBy(k => k.Date)!.Name), Date: exampleDates.GetValueOrDefault(g.Key)))
                .OrderBy(a => a.Date == default).ThenBy(a => a.Date).ThenBy(a => a.Choice.Name).Select(a => a.Choice).ToList();
            var items = p.Items
                .Select(i => new PlaybookItemRow(i.Id, i.Title, i.Category, i.AnchorKey, i.OffsetDays, i.Description, i.MetWhen,
                    exampleDates.TryGetValue(i.AnchorKey, out var anchor) ? anchor.AddDays(i.OffsetDays) : null))
                .OrderBy(i => i.ExampleDate is null).ThenBy(i => i.ExampleDate).ThenBy(i => i.AnchorKey).ThenBy(i => i.OffsetDays).ToList();
            return new PlaybookDetails(p.Id, p.System, p.Name, items, anchors, example);
        }).ToList();
    }
}
