using Consultancy.Application.Domain;
using Consultancy.Application.InterviewCriteria;
using Consultancy.Application.ProgramApplications;
using Consultancy.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Consultancy.Infrastructure.Seeding;

/// <summary>
/// Applications to the demo programs for the demo clients whose season is under way, at the point the season has
/// reached on the day the demo starts: researching before applications go out, applied after, then invites, interviews
/// (one coming up within the week, earlier ones scored) and, once the rank-list deadline has passed, a certified rank
/// order list. Added once: nothing is added if any demo client already has an application.
/// </summary>
internal static class DemoApplications
{
    private const int ClientsWithApplications = 6;
    private const int MinimumInvites = 3;

    private static readonly ClientStage[] StagesWithApplications = [ClientStage.Applied, ClientStage.Interviewing, ClientStage.RankListSubmitted];

    public static async Task SeedAsync(IServiceProvider provider, DateTime now, CancellationToken ct)
    {
        var db = provider.GetRequiredService<AppDbContext>();
        if (await db.ProgramApplications.AnyAsync(a => a.Client!.Email.EndsWith("@example.org"), ct)) return;

        var programs = await db.ResidencyPrograms
            .Where(p => p.Identifier != null && (p.Identifier.StartsWith(DemoPrograms.IdentifierPrefix) || p.Identifier.StartsWith("DEMO-")))
            .OrderBy(p => p.Id).ToListAsync(ct);
        var seasons = await db.Seasons.Include(s => s.KeyDates).ToListAsync(ct);
        var criteria = await CriteriaAsync(db, ct);
        var planner = provider.GetRequiredService<InterviewPlanner>();
        var today = DateOnly.FromDateTime(now);

        var clients = await db.Clients
            .Where(c => c.Email.EndsWith("@example.org") && !c.IsArchived && StagesWithApplications.Contains(c.Stage) && c.Season != null)
            .OrderBy(c => c.Id).ToListAsync(ct);
        var chosen = clients
            .Select(c => (Client: c, Season: seasons.FirstOrDefault(s => s.Name == c.Season)))
            .Where(c => c.Season is not null && Phase(c.Season, today) is not SeasonPhase.NotUnderWay)
            .Take(ClientsWithApplications).ToList();

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var changed = new List<Deadline>();
        foreach (var ((client, season), n) in chosen.Select((c, i) => (c, i)))
        {
            if (season!.InvitesExpectedBy is null && InterviewsStart(season) is { } start) season.ExpectInvites(start.AddDays(30), MinimumInvites);
            var system = season.System == TargetSystem.CaRMS ? ProgramSystem.CaRMS : ProgramSystem.ErasNrmp;
            var applications = programs.Where(p => p.System == system)
                .Select(p => new ProgramApplication(client, p, season.Name, now.AddDays(-60)) { Tier = (ApplicationTier)(1 + p.Id % 3) })
                .ToList();
            if (applications.Count == 0) continue;
            applications[0].Signal = system == ProgramSystem.ErasNrmp ? ProgramSignal.Gold : ProgramSignal.None;
            db.ProgramApplications.AddRange(applications);
            await db.SaveChangesAsync(ct);
            changed.AddRange(Advance(applications, Phase(season, today), planner, today, n));
            var weighted = new Dictionary<ProgramApplication, decimal>();
            foreach (var interviewed in applications.Where(a => a.WasInterviewed))
            {
                var scores = criteria.Select((c, i) => new InterviewScore(interviewed, c.Id, 2 + (interviewed.ProgramId + i + n) % 4)).ToList();
                db.InterviewScores.AddRange(scores);
                weighted[interviewed] = InterviewScore.WeightedMean(scores.Select(s => (s.Score, criteria.Single(c => c.Id == s.CriterionId).Weight))) ?? 0;
            }
            if (Phase(season, today) == SeasonPhase.Ranking && weighted.Count > 0)
                changed.AddRange(Rank(db, client, season, weighted, planner, now));
        }
        await planner.PlanRemindersAsync(changed, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    private enum SeasonPhase { NotUnderWay, Researching, Applied, Interviewing, Ranking }

    private static SeasonPhase Phase(Season season, DateOnly today)
    {
        var submit = ApplicationsGoOut(season);
        var rankList = season.KeyDate(Season.RankListKey)?.Date;
        if (submit is null || rankList is null || today > rankList.Value.AddDays(30)) return SeasonPhase.NotUnderWay;
        if (today < submit.Value.AddDays(-90)) return SeasonPhase.NotUnderWay;
        if (today < submit) return SeasonPhase.Researching;
        if (today < InterviewsStart(season)) return SeasonPhase.Applied;
        return today < rankList ? SeasonPhase.Interviewing : SeasonPhase.Ranking;
    }

    /// <summary>The day applicants submit (ERAS/NRMP) or their documents are due (CaRMS).</summary>
    internal static DateOnly? ApplicationsGoOut(Season season) =>
        (season.KeyDate("applicants-submit") ?? season.KeyDate("documents-due"))?.Date;

    /// <summary>CaRMS names the day interviews start; ERAS programs start inviting about two weeks after they receive applications.</summary>
    internal static DateOnly? InterviewsStart(Season season) =>
        season.KeyDate("interviews-start")?.Date ?? season.KeyDate("programs-receive")?.Date.AddDays(14);

    /// <summary>Moves the applications along to where the season is; the last ones stay behind, as some never hear back.</summary>
    private static IEnumerable<Deadline> Advance(List<ProgramApplication> applications, SeasonPhase phase, InterviewPlanner planner, DateOnly today, int n)
    {
        if (phase == SeasonPhase.Researching) return [];
        var changed = applications.SelectMany(a => planner.Move(a, ApplicationStatus.Applied)).ToList();
        if (phase == SeasonPhase.Applied) return changed;

        var interviewDays = new[] { -21 - n, -9, 2 + n % 4 };
        foreach (var (application, i) in applications.Take(interviewDays.Length).Select((a, i) => (a, i)))
        {
            var date = today.AddDays(interviewDays[i]);
            if (phase == SeasonPhase.Ranking && date >= today) date = today.AddDays(-30 - i);
            changed.AddRange(planner.Schedule(application, date, new TimeOnly(9 + i, 0), i % 2 == 0 ? InterviewFormat.Virtual : InterviewFormat.InPerson));
            if (date < today) changed.AddRange(planner.Move(application, ApplicationStatus.Interviewed));
        }
        if (applications.Count > 3) changed.AddRange(planner.Move(applications[3], ApplicationStatus.InterviewInvited));
        if (applications.Count > 4) changed.AddRange(planner.Move(applications[4], ApplicationStatus.Rejected));
        return changed;
    }

    private static async Task<List<InterviewCriterion>> CriteriaAsync(AppDbContext db, CancellationToken ct)
    {
        if (!await db.InterviewCriteria.AnyAsync(ct))
        {
            db.InterviewCriteria.AddRange(AddSuggestedCriteria.Suggested.Select((s, i) => new InterviewCriterion(s.Name, s.Weight, i + 1)));
            await db.SaveChangesAsync(ct);
        }
        return await db.InterviewCriteria.Where(c => !c.IsRetired).OrderBy(c => c.Position).ToListAsync(ct);
    }

    /// <summary>A certified list of the programs the client interviewed at, best scored first.</summary>
    private static IEnumerable<Deadline> Rank(AppDbContext db, Client client, Season season, Dictionary<ProgramApplication, decimal> weighted, InterviewPlanner planner, DateTime now)
    {
        var order = weighted.OrderByDescending(w => w.Value).Select(w => w.Key).ToList();
        var list = new RankOrderList(client, season.Name);
        list.Reorder(order.Select(a => a.Id).ToList(), order.ToDictionary(a => a.Id, a => a.Program!.Name), client.ConsultantId, now);
        list.Certify(client.ConsultantId, now);
        db.RankOrderLists.Add(list);
        return order.SelectMany(a => planner.Move(a, ApplicationStatus.Ranked)).ToList();
    }
}
