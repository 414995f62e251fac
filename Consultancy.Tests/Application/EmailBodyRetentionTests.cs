using Consultancy.Application.Domain;
using Consultancy.Application.Privacy;
using Consultancy.Infrastructure;
using Consultancy.Infrastructure.Persistence;
using Consultancy.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Consultancy.Tests.Application;

public sealed class EmailBodyRetentionTests
{
    [Fact]
    public async Task Bodies_of_finished_emails_older_than_the_retention_are_purged_and_their_record_kept()
    {
        await using var app = await ApplicationHarness.StartAsync();
        var start = app.Clock.GetUtcNow().UtcDateTime;
        await AddAsync(app, "old-sent");
        await app.DispatchAsync();
        await AddAsync(app, "old-cancelled", m => m.CancelBecause("the client opted out of reminders"));
        await AddAsync(app, "old-failed", m => m.Status = OutboxStatus.Failed);
        app.Clock.Advance(TimeSpan.FromDays(100));
        await AddAsync(app, "recent-sent");
        await app.DispatchAsync();
        await AddAsync(app, "pending", m => m.Reschedule(start.AddDays(400)));

        app.Clock.Advance(TimeSpan.FromDays(81));
        Assert.Equal(3, await app.SendAsync(null, new PurgeOldEmailBodies()));

        var rows = await app.QueryAsync(db => db.OutboxMessages.ToDictionaryAsync(m => m.DedupKey));
        foreach (var purged in new[] { "old-sent", "old-cancelled", "old-failed" })
        {
            Assert.Null(rows[purged].TextBody);
            Assert.Null(rows[purged].HtmlBody);
            Assert.Equal($"Subject {purged}", rows[purged].Subject);
            Assert.Equal($"{purged}@applicant.test", rows[purged].Recipient);
        }
        Assert.Equal((OutboxStatus.Sent, start), (rows["old-sent"].Status, rows["old-sent"].SentAt));
        Assert.Equal(OutboxStatus.Cancelled, rows["old-cancelled"].Status);
        Assert.Equal("the client opted out of reminders", rows["old-cancelled"].CancelReason);
        Assert.Equal("Body of recent-sent", rows["recent-sent"].TextBody);
        Assert.Equal("<p>Body of pending</p>", rows["pending"].HtmlBody);

        app.Clock.Advance(TimeSpan.FromDays(100));
        Assert.Equal(1, await app.SendAsync(null, new PurgeOldEmailBodies()));
        Assert.Equal(0, await app.SendAsync(null, new PurgeOldEmailBodies()));
        Assert.Equal("Body of pending", await app.QueryAsync(db => db.OutboxMessages.Where(m => m.DedupKey == "pending").Select(m => m.TextBody).SingleAsync()));
    }

    [Fact]
    public async Task The_retention_is_configurable()
    {
        await using var app = await ApplicationHarness.StartAsync(new Dictionary<string, string?> { ["Privacy:EmailBodyRetentionDays"] = "30" });
        await AddAsync(app, "sent");
        await app.DispatchAsync();

        app.Clock.Advance(TimeSpan.FromDays(29));
        Assert.Equal(0, await app.SendAsync(null, new PurgeOldEmailBodies()));
        app.Clock.Advance(TimeSpan.FromDays(2));
        Assert.Equal(1, await app.SendAsync(null, new PurgeOldEmailBodies()));
    }

    [Fact]
    public async Task The_purge_runs_as_a_scheduled_job_in_the_app()
    {
        await using var web = new AppFactory();
        _ = web.Server;
        var scheduler = await web.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();

        Assert.NotNull(await scheduler.GetJobDetail(new JobKey(DependencyInjection.PurgeEmailBodiesJobName)));
        Assert.NotEmpty(await scheduler.GetTriggersOfJob(new JobKey(DependencyInjection.PurgeEmailBodiesJobName)));
    }

    private static async Task AddAsync(ApplicationHarness app, string key, Action<OutboxMessage>? change = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var message = OutboxMessage.Fixed(OutboxKind.Account, key, $"{key}@applicant.test", $"Subject {key}", $"Body of {key}", $"<p>Body of {key}</p>",
            app.Clock.GetUtcNow().UtcDateTime);
        change?.Invoke(message);
        db.OutboxMessages.Add(message);
        await db.SaveChangesAsync();
    }
}
