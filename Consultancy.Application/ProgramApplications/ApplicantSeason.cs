using Consultancy.Application.Common.Exceptions;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Application.ProgramApplications;

/// <summary>
/// A client as their applications for one season see them: the facts the fit check reads, the season's record (signal
/// limits, key dates) when the consultancy keeps one by that name, the seasons the client has applications in, and the
/// client's letters that can be assigned to applications.
/// </summary>
public sealed record ApplicantSeason(
    int ClientId, string FullName, string SeasonName, TargetSystem TargetSystem, string? TargetSpecialties, string TimeZoneId,
    ApplicantFacts Facts, SeasonFacts? Season, IReadOnlyList<string> SeasonsWithApplications, IReadOnlyList<ClientLetterChoice> Letters)
{
    /// <summary>The seasons the client has applications in, and this one.</summary>
    public IReadOnlyList<string> Seasons =>
        SeasonsWithApplications.Append(SeasonName).Where(s => s != "").Distinct().Order().ToList();

    public IReadOnlyList<string> Specialties => LetterRules.Specialties(TargetSpecialties);

    public bool Recruits(ProgramSystem system) => TargetSystem == TargetSystem.Both
        || (system == ProgramSystem.ErasNrmp) == (TargetSystem == TargetSystem.ErasNrmp);

    /// <summary>
    /// Reads the client (caseload rule applied: another consultant's client is not found) and the season: the one asked
    /// for, else the client's own, else the coming season of the client's system. Three queries.
    /// </summary>
    /// <param name="withSeasons">Whether to read the seasons the client has applications in, which the season pages' header offers.</param>
    public static async Task<ApplicantSeason> LoadAsync(IAppDbContext db, int clientId, string? season, DateTime now, CancellationToken ct,
        bool withSeasons = true)
    {
        var client = await db.Clients.AsNoTracking().Where(c => c.Id == clientId)
            .Select(c => new
            {
                c.Id, c.FirstName, c.LastName, c.Season, c.TargetSystem, c.TargetSpecialties, c.TimeZoneId, c.GraduationYear, c.Step2CkScore,
                c.Step1Attempts, c.Step2CkAttempts, c.VisaNeed, c.Step3Result, c.EcfmgStatus,
                Months = c.ClinicalExperiences.Sum(e => (int?)e.Months) ?? 0,
                HandsOn = c.ClinicalExperiences.Where(e => ClinicalExperience.HandsOnKinds.Contains(e.Kind)).Sum(e => (int?)e.Months) ?? 0,
                // The few letters a client has come with the client: a query of their own would cost more than the rows.
                Letters = db.LetterRequests
                    .Where(l => l.ClientId == c.Id && l.Status != LetterStatus.Declined && l.Status != LetterStatus.Cancelled)
                    .OrderBy(l => l.RefereeName).ThenBy(l => l.Id).Select(l => new ClientLetterChoice(l.Id, l.RefereeName, l.Specialty)).ToList(),
            })
            .SingleOrDefaultAsync(ct) ?? throw new NotFoundException(nameof(Client), clientId);

        var name = string.IsNullOrWhiteSpace(season) ? client.Season : season.Trim();
        var today = DateOnly.FromDateTime(now);
        var rankKey = Domain.Season.RankListKey;
        var seasons = db.Seasons.AsNoTracking();
        seasons = !string.IsNullOrWhiteSpace(name)
            ? seasons.Where(s => s.Name == name)
            : seasons.Where(s => client.TargetSystem == TargetSystem.Both || s.System == client.TargetSystem)
                .Where(s => s.KeyDates.Any(k => k.Key == rankKey && k.Date >= today))
                .OrderBy(s => s.KeyDates.Where(k => k.Key == rankKey).Min(k => k.Date));
        var record = await seasons.Select(s => new SeasonFacts(s.Id, s.Name, s.System,
                s.KeyDates.Min(k => (DateOnly?)k.Date),
                s.KeyDates.Where(k => k.Key == rankKey).Min(k => (DateOnly?)k.Date),
                s.InvitesExpectedBy, s.MinimumInvites,
                s.SignalLimits.Select(l => new SignalLimit(l.Specialty, l.Signals, l.Gold, l.Silver)).ToList()))
            .FirstOrDefaultAsync(ct);
        name = string.IsNullOrWhiteSpace(name) ? record?.Name ?? "" : name;
        var applicationYear = Domain.Season.ApplicationYearOf(record?.FirstKeyDate, name) ?? today.Year;

        var seasonsWithApplications = withSeasons
            ? await db.ProgramApplications.Where(a => a.ClientId == client.Id).Select(a => a.Season).Distinct().ToListAsync(ct)
            : [];

        var facts = new ApplicantFacts(client.GraduationYear, applicationYear, client.Step2CkScore, client.Step1Attempts, client.Step2CkAttempts,
            client.VisaNeed, client.Step3Result, client.Months, client.HandsOn, client.EcfmgStatus);
        return new ApplicantSeason(client.Id, $"{client.FirstName} {client.LastName}", name, client.TargetSystem, client.TargetSpecialties,
            client.TimeZoneId, facts, record, seasonsWithApplications, client.Letters);
    }
}

/// <summary>What the application pages read of a season: its dates of interest and signal limits.</summary>
public sealed record SeasonFacts(
    int Id, string Name, TargetSystem System, DateOnly? FirstKeyDate, DateOnly? RankListDeadline, DateOnly? InvitesExpectedBy,
    int? MinimumInvites, IReadOnlyList<SignalLimit> SignalLimits);

public sealed record SignalLimit(string Specialty, int? Signals, int? Gold, int? Silver)
{
    public int? For(ProgramSignal signal) => signal switch
    {
        ProgramSignal.Signal => Signals,
        ProgramSignal.Gold => Gold,
        ProgramSignal.Silver => Silver,
        _ => null,
    };
}

/// <summary>A letter of the client's that can be assigned to applications.</summary>
public sealed record ClientLetterChoice(int Id, string RefereeName, string Specialty);
