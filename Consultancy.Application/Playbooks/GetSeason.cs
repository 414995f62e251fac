using Consultancy.Application.Common.Exceptions;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Application.Playbooks;

public sealed record GetSeason(int Id) : IRequest<SeasonDetails>;

/// <param name="Specialties">The program directory's specialties, offered when naming a specialty's signal limits.</param>
public sealed record SeasonDetails(
    int Id, TargetSystem System, string Name, IReadOnlyList<KeyDateItem> KeyDates, int PlanningClients,
    DateOnly? InvitesExpectedBy, int? MinimumInvites, IReadOnlyList<SignalLimitItem> SignalLimits, IReadOnlyList<string> Specialties);

public sealed record SignalLimitItem(int Id, string Specialty, int? Signals, int? Gold, int? Silver);

/// <param name="FollowingDeadlines">Open deadlines planned from this date that nobody moved by hand.</param>
public sealed record KeyDateItem(int Id, string Key, string Name, DateOnly Date, bool VerifyBeforeUse, string? Source, int FollowingDeadlines);

internal sealed class GetSeasonHandler(IAppDbContext db) : IRequestHandler<GetSeason, SeasonDetails>
{
    public async Task<SeasonDetails> Handle(GetSeason request, CancellationToken ct)
    {
        var season = await db.Seasons.AsNoTracking().Include(s => s.KeyDates).SingleOrDefaultAsync(s => s.Id == request.Id, ct)
            ?? throw new NotFoundException(nameof(Season), request.Id);
        var following = await db.Deadlines
            .Where(d => d.SeasonId == season.Id && d.Status == DeadlineStatus.Open && !d.DueDateEditedByHand && d.PlaybookItem != null)
            .GroupBy(d => d.PlaybookItem!.AnchorKey)
            .Select(g => new { Key = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var planning = await db.Clients.CountAsync(c => !c.IsArchived && !Client.EndStages.Contains(c.Stage) && c.Season == season.Name
            && (c.TargetSystem == season.System || c.TargetSystem == TargetSystem.Both), ct);
        var limits = await db.SeasonSignalLimits.Where(l => l.SeasonId == season.Id).OrderBy(l => l.Specialty)
            .Select(l => new SignalLimitItem(l.Id, l.Specialty, l.Signals, l.Gold, l.Silver))
            .ToListAsync(ct);
        var specialties = await db.ResidencyPrograms.Select(p => p.Specialty).Distinct().OrderBy(p => p).ToListAsync(ct);
        return new SeasonDetails(season.Id, season.System, season.Name,
            season.KeyDates.OrderBy(k => k.Date).ThenBy(k => k.Name)
                .Select(k => new KeyDateItem(k.Id, k.Key, k.Name, k.Date, k.VerifyBeforeUse, k.Source, following.GetValueOrDefault(k.Key)))
                .ToList(),
            planning, season.InvitesExpectedBy, season.MinimumInvites, limits, specialties);
    }
}
