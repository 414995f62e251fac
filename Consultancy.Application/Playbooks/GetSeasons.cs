using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Application.Playbooks;

public sealed record GetSeasons : IRequest<IReadOnlyList<SeasonSummary>>;

public sealed record SeasonSummary(int Id, TargetSystem System, string Name, int KeyDates, int ToVerify, DateOnly? FirstDate, DateOnly? LastDate);

internal sealed class GetSeasonsHandler(IAppDbContext db) : IRequestHandler<GetSeasons, IReadOnlyList<SeasonSummary>>
{
    public async Task<IReadOnlyList<SeasonSummary>> Handle(GetSeasons request, CancellationToken ct) =>
        await db.Seasons.OrderBy(s => s.System).ThenBy(s => s.Name)
            .Select(s => new SeasonSummary(s.Id, s.System, s.Name, s.KeyDates.Count, s.KeyDates.Count(k => k.VerifyBeforeUse),
                s.KeyDates.Min(k => (DateOnly?)k.Date), s.KeyDates.Max(k => (DateOnly?)k.Date)))
            .ToListAsync(ct);
}
