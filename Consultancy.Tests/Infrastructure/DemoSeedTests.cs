using Consultancy.Application.Domain;
using Consultancy.Infrastructure.Persistence;
using Consultancy.Infrastructure.Seeding;
using Consultancy.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Consultancy.Tests.Infrastructure;

/// <summary>The demo data a new user starts with, seeded as at first start (fake clock), mail to the pickup folder.</summary>
public sealed class DemoSeedTests : IAsyncLifetime
{
    private ApplicationHarness _app = null!;

    public async Task InitializeAsync() => _app = await ApplicationHarness.StartAsync(new Dictionary<string, string?>
    {
        ["Seed:Demo"] = "true",
        ["Seed:DemoPassword"] = "Demo-Password-2028!",
    });

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Every_demo_client_mid_season_has_a_plan_and_a_few_reminders_go_out_in_the_first_minutes()
    {
        var start = _app.Clock.GetUtcNow().UtcDateTime;
        var planned = await _app.QueryAsync(db => db.Clients.Where(c => c.Email.EndsWith("@example.org") && !db.Deadlines.Any(d => d.ClientId == c.Id)).CountAsync());
        Assert.Equal(0, planned);

        var soon = await _app.QueryAsync(db => db.OutboxMessages.Include(m => m.Deadline).Include(m => m.Client)
            .Where(m => m.Status == OutboxStatus.Pending && m.DueAt <= start.AddMinutes(5)).OrderBy(m => m.DueAt).ToListAsync());
        Assert.Equal(DemoSeeder.FirstMinutesDeadlines.Select(d => d.Title), soon.Select(m => m.Deadline!.Title));
        Assert.All(soon, m => Assert.InRange(m.DueAt, start, start.AddMinutes(5)));
        Assert.Equal(3, soon.Select(m => m.Client!.TimeZoneId).Distinct().Count());

        _app.Clock.Advance(TimeSpan.FromMinutes(5));
        var result = await _app.DispatchAsync();

        Assert.Equal((3, 0), (result.Sent, result.Failed));
        var files = Directory.GetFiles(_app.MailDirectory, "*.eml");
        Assert.Equal(3, files.Length);
        Assert.All(files, f => Assert.Contains("is due in 7 days", File.ReadAllText(f)));
        var sent = await _app.QueryAsync(db => db.OutboxMessages.Where(m => soon.Select(s => s.Id).Contains(m.Id)).ToListAsync());
        Assert.All(sent, m => Assert.Equal(OutboxStatus.Sent, m.Status));
    }

    [Fact]
    public async Task Seeding_again_on_a_restart_adds_nothing()
    {
        var before = await CountsAsync();

        _app.Clock.Advance(TimeSpan.FromMinutes(10));
        await DatabaseInitializer.InitializeAsync(_app.Services, CancellationToken.None);

        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task The_demo_directory_has_a_few_fictional_programs_across_specialties_systems_and_visas()
    {
        var programs = await _app.QueryAsync(db => db.ResidencyPrograms.ToListAsync());

        Assert.Equal(DemoPrograms.Count, programs.Count);
        Assert.InRange(programs.Count, 6, 10);
        Assert.All(programs, p => Assert.Contains("not a real residency", p.Notes));
        Assert.True(programs.Select(p => p.Specialty).Distinct().Count() >= 5);
        Assert.Equal([ProgramSystem.ErasNrmp, ProgramSystem.CaRMS], programs.Select(p => p.System).Distinct().Order());
        Assert.Equal(Enum.GetValues<VisaSponsorship>().Order(), programs.Select(p => p.VisaSponsorship).Distinct().Order());
        Assert.Contains(programs, p => p.MaximumAttempts == 1);
        Assert.Contains(programs, p => p.MinimumStep2CkScore is null);
        Assert.Contains(programs, p => p.VerifiedAt is not null);
        Assert.Contains(programs, p => p.VerifiedAt is null);
    }

    [Fact]
    public async Task The_demo_tells_a_plausible_story_on_the_day_it_runs()
    {
        var today = DateOnly.FromDateTime(_app.Clock.GetUtcNow().UtcDateTime);
        var clients = await _app.QueryAsync(db => db.Clients.Where(c => c.Email.EndsWith("@example.org"))
            .Select(c => new { c.Id, c.Stage, c.Season }).ToListAsync());
        var seasons = await _app.QueryAsync(db => db.Seasons.Include(s => s.KeyDates).ToListAsync());
        DateOnly On(string? season, string key) => seasons.Single(s => s.Name == season).KeyDate(key)!.Date;

        // No match outcome before that season's Match Day, no rank list before its deadline.
        Assert.DoesNotContain(clients, c => c.Stage is ClientStage.Matched or ClientStage.Unmatched && today < On(c.Season, "match-day"));
        Assert.DoesNotContain(clients, c => c.Stage == ClientStage.RankListSubmitted && today < On(c.Season, Season.RankListKey));
        Assert.Contains(clients, c => c.Stage == ClientStage.Interviewing);
        Assert.Contains(clients, c => c.Stage == ClientStage.Withdrawn);

        // A withdrawn client has nothing pending; applications follow where the season is, with an interview this week.
        var withdrawn = clients.Where(c => c.Stage == ClientStage.Withdrawn).Select(c => c.Id).ToList();
        Assert.Equal(0, await _app.QueryAsync(db => db.OutboxMessages.CountAsync(m => withdrawn.Contains(m.ClientId!.Value) && m.Status == OutboxStatus.Pending)));
        var applications = await _app.QueryAsync(db => db.ProgramApplications.Select(a => new { a.ClientId, a.Status, a.InterviewDate }).ToListAsync());
        Assert.InRange(applications.Select(a => a.ClientId).Distinct().Count(), 2, 6);
        Assert.Contains(applications, a => a.Status == ApplicationStatus.InterviewScheduled && a.InterviewDate >= today && a.InterviewDate <= today.AddDays(7));
        Assert.Contains(applications, a => a.Status == ApplicationStatus.Interviewed);
        Assert.DoesNotContain(applications, a => a.Status is ApplicationStatus.Ranked or ApplicationStatus.Matched or ApplicationStatus.NotMatched);
        Assert.True(await _app.QueryAsync(db => db.InterviewScores.AnyAsync()));
    }

    private Task<(int Clients, int Deadlines, int Outbox, int Users, int Programs, int Applications)> CountsAsync() => _app.QueryAsync(async db =>
        (await db.Clients.CountAsync(), await db.Deadlines.CountAsync(), await db.OutboxMessages.CountAsync(), await db.UserProfiles.CountAsync(),
         await db.ResidencyPrograms.CountAsync(), await db.ProgramApplications.CountAsync()));
}
