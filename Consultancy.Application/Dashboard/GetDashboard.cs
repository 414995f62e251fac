using Consultancy.Application.Clients;
using Consultancy.Application.Common;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Common.Paging;
using Consultancy.Application.Deadlines;
using Consultancy.Application.Domain;
using Consultancy.Application.Letters;
using Consultancy.Application.StrategyCalls;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Application.Dashboard;

/// <summary>
/// The consultant's day over their caseload (admins: everyone's, or one consultant's): calls and interviews of
/// today and the next days, overdue and due-soon deadlines, clients at risk of too few interview invites, letters
/// waiting on referees, letter-rule warnings, clients by stage, match outcomes by season and the outbox's health.
/// A fixed number of queries whatever the caseload's size: each panel reads a bounded list and its totals.
/// </summary>
public sealed record GetDashboard(string TimeZoneId, string? ConsultantId = null) : IRequest<DashboardModel>;

public sealed record DashboardModel(
    string? ConsultantId,
    DateTime NowUtc,
    DateOnly Today,
    DashboardList<CallListItem> Calls,
    int CallsToday,
    DashboardList<UpcomingInterview> Interviews,
    DashboardList<ClientAtRisk> ClientsAtRisk,
    DashboardList<DeadlineListItem> Overdue,
    DashboardList<DeadlineListItem> DueSoon,
    DashboardList<WaitingLetter> LettersWaiting,
    LetterWarningsPanel LetterWarnings,
    IReadOnlyList<StageCount> ClientsByStage,
    IReadOnlyList<SeasonOutcomes> OutcomesBySeason,
    OutboxHealth Outbox)
{
    public IEnumerable<CallListItem> TodaysCalls(TimeZoneInfo zone) =>
        Calls.Items.Where(c => LocalTimes.Today(c.StartUtc, zone) == Today);

    public IEnumerable<CallListItem> LaterCalls(TimeZoneInfo zone) =>
        Calls.Items.Where(c => LocalTimes.Today(c.StartUtc, zone) != Today);

    public int ActiveClients => ClientsByStage.Sum(s => s.Count);
}

/// <summary>
/// The first items of a list and how many there are in all, or, when <paramref name="CountedUpTo"/> is true, that
/// there are at least <paramref name="TotalCount"/>: a figure that large is counted no further.
/// </summary>
public sealed record DashboardList<T>(IReadOnlyList<T> Items, int TotalCount, bool CountedUpTo = false)
{
    public string TotalText => CountedUpTo ? $"{TotalCount:N0}+" : $"{TotalCount:N0}";
}

/// <summary>A scheduled interview: its instant, and the wall-clock time and zone the program gave.</summary>
public sealed record UpcomingInterview(
    int ApplicationId, int ClientId, string ClientName, string ConsultantName, string ProgramName, DateTime AtUtc,
    DateOnly ProgramDate, TimeOnly ProgramTime, string ProgramTimeZoneId, InterviewFormat? Format);

/// <summary>A client with fewer interview invites in a season than it expects by a date that has come.</summary>
public sealed record ClientAtRisk(int ClientId, string ClientName, string Season, int Invites, int MinimumInvites);

public sealed record ClientWarnings(int ClientId, string ClientName, IReadOnlyList<LetterWarning> Warnings);

/// <summary>Warnings for the caseload's clients who have letters, checked for at most <see cref="GetDashboardHandler.WarningClientLimit"/> of them.</summary>
public sealed record LetterWarningsPanel(IReadOnlyList<ClientWarnings> Clients, int ClientsChecked, int ClientsWithLetters);

public sealed record StageCount(ClientStage Stage, int Count);

public sealed record SeasonOutcomes(string Season, int Matched, int Unmatched, int Withdrawn)
{
    public int Total => Matched + Unmatched + Withdrawn;
}

public sealed record OutboxHealth(int Pending, int Failed, DateTime? LastSentAt);

internal sealed class GetDashboardHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock, IMediator mediator, CaseloadTotals totals)
    : IRequestHandler<GetDashboard, DashboardModel>
{
    public const int ListLimit = 8;
    public const int CallLimit = 12;
    /// <summary>Letter rules run in memory per client; beyond this many clients the panel says how many it checked.</summary>
    public const int WarningClientLimit = 50;
    public const int DueSoonDays = 7;
    /// <summary>
    /// Deadline figures count this far and then show "1,000+": a large caseload has hundreds of thousands of
    /// deadlines, and an exact count past this says nothing more to act on while reading an index entry per deadline.
    /// </summary>
    public const int DeadlineCountLimit = 1_000;

    private static readonly ClientStage[] Outcomes = [ClientStage.Matched, ClientStage.Unmatched, ClientStage.Withdrawn];

    /// <summary>Which figure, for whose caseload (null: everyone's) and which consultant an admin chose.</summary>
    private sealed record TotalsKey(string Figure, string? CaseloadOf, string? ConsultantId);

    private TotalsKey KeyFor(string figure, string? consultantId) => new(figure, user.SeesAllClients ? null : user.UserId, consultantId);

    public async Task<DashboardModel> Handle(GetDashboard request, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var zone = TimeZones.Find(request.TimeZoneId);
        // Only admins (and the digest job, which runs as the system) choose whose day to see; a consultant's
        // caseload is already theirs alone.
        var consultantId = user.SeesAllClients && !string.IsNullOrWhiteSpace(request.ConsultantId) ? request.ConsultantId : null;
        var today = LocalTimes.Today(now, zone);

        var (calls, callsToday) = await CallsAsync(consultantId, zone, today, ct);
        var interviews = await InterviewsAsync(consultantId, zone, today, ct);
        var atRisk = await ClientsAtRiskAsync(consultantId, today, ct);
        var (overdue, dueSoon) = await DeadlinesAsync(consultantId, now, ct);
        var letters = await LettersWaitingAsync(consultantId, ct);
        var warnings = await LetterWarningsAsync(consultantId, now, ct);
        var (byStage, bySeason) = await StagesAsync(consultantId, ct);
        var outbox = await OutboxAsync(consultantId, ct);
        return new DashboardModel(consultantId, now, today, calls, callsToday, interviews, atRisk, overdue, dueSoon, letters, warnings,
            byStage, bySeason, outbox);
    }

    private async Task<(DashboardList<CallListItem>, int)> CallsAsync(string? consultantId, TimeZoneInfo zone, DateOnly today, CancellationToken ct)
    {
        var from = LocalTimes.ToUtc(today.ToDateTime(TimeOnly.MinValue), zone);
        var endOfToday = LocalTimes.ToUtc(today.AddDays(1).ToDateTime(TimeOnly.MinValue), zone);
        var to = LocalTimes.ToUtc(today.AddDays(DueSoonDays).ToDateTime(TimeOnly.MinValue), zone);
        var calls = db.StrategyCalls.Where(c => c.Status == CallStatus.Booked && c.StartUtc >= from && c.StartUtc < to);
        // A consultant's own calls, even if they also see calls of clients they own run by someone else.
        var runBy = consultantId ?? (user.SeesAllClients ? null : user.UserId);
        if (runBy is not null) calls = calls.Where(c => c.ConsultantId == runBy);

        var items = await calls.OrderBy(c => c.StartUtc).Take(CallLimit).Select(CallListItem.FromCall).ToListAsync(ct);
        var counts = await calls.GroupBy(c => c.StartUtc < endOfToday)
            .Select(g => new { IsToday = g.Key, Count = g.Count() }).ToListAsync(ct);
        return (new DashboardList<CallListItem>(items, counts.Sum(c => c.Count)), counts.Where(c => c.IsToday).Sum(c => c.Count));
    }

    /// <summary>The caseload's interviews from the start of the viewer's today through the next six days, soonest first.</summary>
    private async Task<DashboardList<UpcomingInterview>> InterviewsAsync(string? consultantId, TimeZoneInfo zone, DateOnly today, CancellationToken ct)
    {
        var from = LocalTimes.ToUtc(today.ToDateTime(TimeOnly.MinValue), zone);
        var to = LocalTimes.ToUtc(today.AddDays(DueSoonDays).ToDateTime(TimeOnly.MinValue), zone);
        var interviews = db.ProgramApplications.Where(a => a.InterviewAtUtc >= from && a.InterviewAtUtc < to
            && a.Status != ApplicationStatus.Rejected && a.Status != ApplicationStatus.Withdrawn && !a.Client!.IsArchived);
        if (consultantId is not null) interviews = interviews.Where(a => a.Client!.ConsultantId == consultantId);

        var items = await interviews.OrderBy(a => a.InterviewAtUtc).ThenBy(a => a.Id).Take(ListLimit)
            .Select(a => new UpcomingInterview(a.Id, a.ClientId, a.Client!.FirstName + " " + a.Client.LastName, a.Client.Consultant!.DisplayName,
                a.Program!.Name, a.InterviewAtUtc!.Value, a.InterviewDate!.Value, a.InterviewTime!.Value, a.Program.TimeZoneId, a.InterviewFormat))
            .ToListAsync(ct);
        return new(items, await interviews.CountAsync(ct));
    }

    /// <summary>
    /// Clients with an application of a season still waiting on its outcome, once the season's "invites expected by"
    /// date has come (the viewer's today is on or after it), who have fewer invites in that season than its minimum:
    /// fewest invites first. One pass over the applications of those seasons, grouped by client and season; kept with
    /// the other totals.
    /// </summary>
    private Task<DashboardList<ClientAtRisk>> ClientsAtRiskAsync(string? consultantId, DateOnly today, CancellationToken ct) =>
        totals.GetOrCountAsync(KeyFor($"at-risk {today:yyyy-MM-dd}", consultantId), async () =>
        {
            var applications = db.ProgramApplications.Where(a => !a.Client!.IsArchived);
            if (consultantId is not null) applications = applications.Where(a => a.Client!.ConsultantId == consultantId);
            var seasons = db.Seasons.Where(s => s.InvitesExpectedBy != null && s.MinimumInvites != null && s.InvitesExpectedBy <= today);
            var atRisk = applications
                .Join(seasons, a => a.Season, s => s.Name, (a, s) => new { Application = a, Minimum = s.MinimumInvites!.Value })
                .GroupBy(x => new { x.Application.ClientId, x.Application.Client!.FirstName, x.Application.Client.LastName, x.Application.Season, x.Minimum },
                    x => x.Application)
                .Select(g => new
                {
                    g.Key.ClientId, g.Key.FirstName, g.Key.LastName, g.Key.Season, g.Key.Minimum,
                    InTheRunning = g.AsQueryable().Count(ApplicationCounts.InTheRunning),
                    Invites = g.AsQueryable().Count(ApplicationCounts.Invite),
                })
                .Where(r => r.InTheRunning > 0 && r.Invites < r.Minimum);

            var items = await atRisk.OrderBy(r => r.Invites).ThenBy(r => r.LastName).ThenBy(r => r.FirstName).ThenBy(r => r.ClientId).ThenBy(r => r.Season)
                .Take(ListLimit)
                .Select(r => new ClientAtRisk(r.ClientId, r.FirstName + " " + r.LastName, r.Season, r.Invites, r.Minimum))
                .ToListAsync(ct);
            return new DashboardList<ClientAtRisk>(items, await atRisk.CountAsync(ct));
        });

    private async Task<(DashboardList<DeadlineListItem>, DashboardList<DeadlineListItem>)> DeadlinesAsync(
        string? consultantId, DateTime now, CancellationToken ct)
    {
        // DueAtUtc is the due time in the client's own zone, so "overdue" here is overdue where the client lives.
        var weekEnd = now.AddDays(DueSoonDays);
        var open = db.Deadlines.Where(d => d.Status == DeadlineStatus.Open && !d.Client!.IsArchived && d.DueAtUtc <= weekEnd);
        if (consultantId is not null) open = open.Where(d => d.Client!.ConsultantId == consultantId);

        var overdue = open.Where(d => d.DueAtUtc <= now);
        var dueSoon = open.Where(d => d.DueAtUtc > now);
        return (await ListAsync("overdue", overdue), await ListAsync("due-soon", dueSoon));

        async Task<DashboardList<DeadlineListItem>> ListAsync(string figure, IQueryable<Deadline> deadlines)
        {
            var items = await Items(deadlines).ToListAsync(ct);
            // Even capped, a count reads a deadline and its client per deadline counted; kept a while like the
            // other totals (a deadline falling due meanwhile shows in the list at once and in the figure within
            // the totals' lifetime).
            var count = await totals.GetOrCountAsync(KeyFor(figure, consultantId),
                () => deadlines.Take(DeadlineCountLimit + 1).CountAsync(ct));
            return new(items, Math.Min(count, DeadlineCountLimit), count > DeadlineCountLimit);
        }

        static IQueryable<DeadlineListItem> Items(IQueryable<Deadline> deadlines) => deadlines
            .OrderBy(d => d.DueAtUtc).ThenBy(d => d.Id).Take(ListLimit)
            .Select(d => new DeadlineListItem(d.Id, d.ClientId, d.Client!.FirstName + " " + d.Client.LastName, d.Client.Consultant!.DisplayName,
                d.Title, d.Category, d.DueDate, d.DueTime, d.DueAtUtc, d.Status, d.Client.TimeZoneId));
    }

    private async Task<DashboardList<WaitingLetter>> LettersWaitingAsync(string? consultantId, CancellationToken ct)
    {
        // The Letters page's own query and order (overdue first); its smallest page is larger than a panel.
        var page = await mediator.Send(new GetLettersWaiting { ConsultantId = consultantId, PageSize = Paging.PageSizes[0] }, ct);
        return new(page.Items.Take(ListLimit).ToList(), page.TotalCount);
    }

    private async Task<LetterWarningsPanel> LetterWarningsAsync(string? consultantId, DateTime now, CancellationToken ct)
    {
        // "Id in (clients with letters)" rather than "a letter exists for this client": SQLite then reads the letters'
        // clients by key instead of testing every client of the caseload.
        var withLetters = db.Clients.Where(c => !c.IsArchived && !Outcomes.Contains(c.Stage) && db.LetterRequests.Select(l => l.ClientId).Contains(c.Id));
        if (consultantId is not null) withLetters = withLetters.Where(c => c.ConsultantId == consultantId);

        var total = await withLetters.CountAsync(ct);
        var clients = await withLetters.OrderBy(c => c.LastName).ThenBy(c => c.FirstName).ThenBy(c => c.Id).Take(WarningClientLimit)
            .Select(c => new
            {
                c.Id, Name = c.FirstName + " " + c.LastName, c.TargetSystem, c.ImgType, c.TargetSpecialties, c.Season, c.TimeZoneId,
                Letters = db.LetterRequests.Where(l => l.ClientId == c.Id)
                    .Select(l => new LetterFacts(l.RefereeName, l.System, l.Specialty, l.Status, l.IsUsCanadianPhysician, l.DueDate))
                    .ToList(),
            })
            .ToListAsync(ct);

        var seasons = clients.Where(c => c.Season != null).Select(c => c.Season!).Distinct().ToList();
        var programsReceive = await db.SeasonKeyDates
            .Where(k => k.Key == GetLetterWarningsHandler.ProgramsReceiveKey)
            .Join(db.Seasons.Where(s => s.System == TargetSystem.ErasNrmp && seasons.Contains(s.Name)), k => k.SeasonId, s => s.Id,
                (k, s) => new { s.Name, k.Date })
            .ToListAsync(ct);
        var receiveBySeason = programsReceive.GroupBy(p => p.Name).ToDictionary(g => g.Key, g => g.First().Date);
        var applications = await ApplicationLetterCounts.ReadAsync(db, clients.Select(c => c.Id).ToList(), ct);

        var warned = clients
            .Select(c => new ClientWarnings(c.Id, c.Name, LetterRules.Evaluate(new LetterPlan(
                c.TargetSystem, c.ImgType, c.TargetSpecialties, LocalTimes.Today(now, TimeZones.Find(c.TimeZoneId)),
                c.Season is not null && receiveBySeason.TryGetValue(c.Season, out var receive) ? receive : null, c.Letters,
                applications[c.Id].ToList()))))
            .Where(c => c.Warnings.Count > 0)
            .ToList();
        return new LetterWarningsPanel(warned, clients.Count, total);
    }

    private async Task<(IReadOnlyList<StageCount>, IReadOnlyList<SeasonOutcomes>)> StagesAsync(string? consultantId, CancellationToken ct)
    {
        // One grouping serves both charts; like the client list, both count the clients not archived.
        var groups = await db.StageSeasonCountsAsync(user, totals, consultantId, ct);

        var byStage = Enum.GetValues<ClientStage>()
            .Select(stage => new StageCount(stage, groups.Where(g => g.Stage == stage).Sum(g => g.Count)))
            .ToList();
        var bySeason = groups.Where(g => g.Season != null && Outcomes.Contains(g.Stage))
            .GroupBy(g => g.Season!)
            .Select(s => new SeasonOutcomes(s.Key,
                s.Where(g => g.Stage == ClientStage.Matched).Sum(g => g.Count),
                s.Where(g => g.Stage == ClientStage.Unmatched).Sum(g => g.Count),
                s.Where(g => g.Stage == ClientStage.Withdrawn).Sum(g => g.Count)))
            .OrderByDescending(s => s.Season, StringComparer.Ordinal)
            .ToList();
        return (byStage, bySeason);
    }

    private async Task<OutboxHealth> OutboxAsync(string? consultantId, CancellationToken ct)
    {
        // Every email planned or sent is a row, so the health figures are kept a while like the other counts.
        return await totals.GetOrCountAsync(KeyFor("outbox", consultantId), async () =>
        {
            var messages = db.OutboxMessages.AsQueryable();
            if (consultantId is not null) messages = messages.Where(m => m.ClientId != null && m.Client!.ConsultantId == consultantId);
            var byStatus = await messages.GroupBy(m => m.Status)
                .Select(g => new { Status = g.Key, Count = g.Count(), LastSentAt = g.Max(m => m.SentAt) })
                .ToListAsync(ct);
            return new OutboxHealth(
                byStatus.Where(s => s.Status == OutboxStatus.Pending).Sum(s => s.Count),
                byStatus.Where(s => s.Status == OutboxStatus.Failed).Sum(s => s.Count),
                byStatus.Where(s => s.Status == OutboxStatus.Sent).Select(s => s.LastSentAt).SingleOrDefault());
        });
    }
}
