using System.Globalization;
using Consultancy.Application.Common;
using Consultancy.Application.Common.Exceptions;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Application.Reports;

/// <summary>
/// How each consultant's clients fared in one season (admins only): clients with an application, applications sent,
/// invites, interviews, clients ranked and matched. Without <see cref="SeasonId"/>, the coming season: the one whose
/// rank-list deadline is the next on or after today, else the season with the latest key date.
/// </summary>
public sealed record GetSeasonReport(int? SeasonId = null) : IRequest<SeasonReport>;

public sealed record SeasonReport(ReportSeason? Season, IReadOnlyList<ReportSeason> Seasons, IReadOnlyList<ConsultantOutcomes> Rows, ConsultantOutcomes Total);

public sealed record ReportSeason(int Id, string Name, TargetSystem System);

/// <summary>
/// One consultant's clients in a season, counted as <see cref="ApplicationCounts"/> says. Applications, invites and
/// interviews count applications; the others count clients: <see cref="Ranked"/> those with an application ranked
/// (Ranked, Matched or Not matched: certifying the rank list moves its programs to Ranked), <see cref="Matched"/>
/// those with a Matched application, <see cref="WithOutcome"/> those with a Matched or Not matched one.
/// </summary>
public sealed record ConsultantOutcomes(string Consultant, int Clients, int Applied, int Invites, int Interviews, int Ranked, int Matched, int WithOutcome)
{
    /// <summary>Invites per application sent, two decimals ("0.25"); "—" when none was sent.</summary>
    public string InvitesPerApplication => Applied == 0 ? "—" : ((decimal)Invites / Applied).ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>Matched clients out of the clients with an outcome, as a percentage ("66.7 %"); "—" before any outcome.</summary>
    public string MatchRate => WithOutcome == 0 ? "—" : (100m * Matched / WithOutcome).ToString("0.#", CultureInfo.InvariantCulture) + " %";

    public static ConsultantOutcomes Sum(string label, IReadOnlyList<ConsultantOutcomes> rows) => new(label,
        rows.Sum(r => r.Clients), rows.Sum(r => r.Applied), rows.Sum(r => r.Invites), rows.Sum(r => r.Interviews),
        rows.Sum(r => r.Ranked), rows.Sum(r => r.Matched), rows.Sum(r => r.WithOutcome));
}

internal sealed class GetSeasonReportHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<GetSeasonReport, SeasonReport>
{
    public const string TotalLabel = "All consultants";

    public async Task<SeasonReport> Handle(GetSeasonReport request, CancellationToken ct)
    {
        user.EnsureAdmin();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var rankKey = Season.RankListKey;
        var seasons = await db.Seasons.AsNoTracking()
            .Select(s => new
            {
                s.Id, s.Name, s.System,
                RankListDeadline = s.KeyDates.Where(k => k.Key == rankKey).Min(k => (DateOnly?)k.Date),
                LastDate = s.KeyDates.Max(k => (DateOnly?)k.Date),
            })
            .ToListAsync(ct);
        var chosen = request.SeasonId is { } id
            ? seasons.SingleOrDefault(s => s.Id == id) ?? throw new NotFoundException(nameof(Season), id)
            : seasons.Where(s => s.RankListDeadline >= today).MinBy(s => s.RankListDeadline)
              ?? seasons.OrderByDescending(s => s.LastDate).ThenByDescending(s => s.Name, StringComparer.Ordinal).FirstOrDefault();
        var choices = seasons.OrderBy(s => s.System).ThenBy(s => s.Name, StringComparer.Ordinal).Select(s => new ReportSeason(s.Id, s.Name, s.System)).ToList();
        if (chosen is null) return new SeasonReport(null, choices, [], ConsultantOutcomes.Sum(TotalLabel, []));

        var staff = await db.UserProfiles.AsNoTracking().Select(u => new { u.Id, u.DisplayName, u.Role, u.IsActive }).ToListAsync(ct);
        var counted = await CountAsync(chosen.Name, staff.ToDictionary(u => u.Id, u => u.DisplayName), ct);
        // Every active consultant has a row, with zeros if none of their clients applied this season; anyone else
        // (an admin, someone since deactivated) has one when their clients did.
        var rows = staff.Where(u => (u.IsActive && u.Role == UserRole.Consultant) || counted.ContainsKey(u.Id))
            .Select(u => counted.GetValueOrDefault(u.Id) ?? new ConsultantOutcomes(u.DisplayName, 0, 0, 0, 0, 0, 0, 0))
            .OrderBy(r => r.Consultant, StringComparer.OrdinalIgnoreCase)
            .ToList();
        return new SeasonReport(new ReportSeason(chosen.Id, chosen.Name, chosen.System), choices, rows, ConsultantOutcomes.Sum(TotalLabel, rows));
    }

    /// <summary>
    /// One query: the season's applications grouped by client (the client's counts and whether they ranked, matched,
    /// had an outcome), then those grouped by the client's consultant.
    /// </summary>
    /// <returns>Each consultant's row by their id, named from <paramref name="names"/>.</returns>
    private async Task<Dictionary<string, ConsultantOutcomes>> CountAsync(string season, Dictionary<string, string> names, CancellationToken ct)
    {
        var byConsultant = await db.ProgramApplications.Where(a => a.Season == season)
            .GroupBy(a => new { a.ClientId, a.Client!.ConsultantId })
            .Select(g => new
            {
                g.Key.ConsultantId,
                Applied = g.AsQueryable().Count(ApplicationCounts.Applied),
                Invites = g.AsQueryable().Count(ApplicationCounts.Invite),
                Interviews = g.AsQueryable().Count(ApplicationCounts.Interview),
                Ranked = g.AsQueryable().Count(ApplicationCounts.Ranked) > 0 ? 1 : 0,
                Matched = g.AsQueryable().Count(ApplicationCounts.Matched) > 0 ? 1 : 0,
                WithOutcome = g.AsQueryable().Count(ApplicationCounts.Outcome) > 0 ? 1 : 0,
            })
            .GroupBy(c => c.ConsultantId)
            .Select(g => new
            {
                ConsultantId = g.Key,
                Clients = g.Count(),
                Applied = g.Sum(c => c.Applied),
                Invites = g.Sum(c => c.Invites),
                Interviews = g.Sum(c => c.Interviews),
                Ranked = g.Sum(c => c.Ranked),
                Matched = g.Sum(c => c.Matched),
                WithOutcome = g.Sum(c => c.WithOutcome),
            })
            .ToListAsync(ct);
        return byConsultant.ToDictionary(c => c.ConsultantId,
            c => new ConsultantOutcomes(names.GetValueOrDefault(c.ConsultantId, c.ConsultantId), c.Clients, c.Applied, c.Invites, c.Interviews,
                c.Ranked, c.Matched, c.WithOutcome));
    }
}
