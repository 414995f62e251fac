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

    private Task<(int Clients, int Deadlines, int Outbox, int Users)> CountsAsync() => _app.QueryAsync(async db =>
        (await db.Clients.CountAsync(), await db.Deadlines.CountAsync(), await db.OutboxMessages.CountAsync(), await db.UserProfiles.CountAsync()));
}
