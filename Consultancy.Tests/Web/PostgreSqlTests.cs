using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;
using Consultancy.Application.Deadlines;
using Consultancy.Application.Domain;
using Consultancy.Application.Playbooks;
using Consultancy.Infrastructure.Identity;
using Consultancy.Infrastructure.Jobs;
using Consultancy.Infrastructure.Persistence;
using Consultancy.Infrastructure.Persistence.PostgreSql;
using Consultancy.Tests.Support;
using Consultancy.Web.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Quartz;

namespace Consultancy.Tests.Web;

/// <summary>
/// The app on PostgreSQL (<c>Database:Provider</c> = <c>PostgreSql</c>), each test on a fresh database of a real
/// server: migrations, the caseload, search, reminders, and two app instances sharing one database.
/// </summary>
public sealed partial class PostgreSqlTests
{
    [SkippableFact]
    public async Task A_fresh_database_is_migrated_and_clients_search_the_caseload_rule_and_reminders_work()
    {
        PostgreSqlDatabase.SkipUnlessAvailable();
        await using var database = PostgreSqlDatabase.New();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 14, 0, 0, TimeSpan.Zero));
        await using var app = database.Configure(new AppFactory { Clock = clock });
        var maya = await app.ConsultantAsync("maya.pg@consultancy.test");
        var daniel = await app.ConsultantAsync("daniel.pg@consultancy.test");
        var clientId = await app.Services.SendAsAsync(maya, ClientBuilder.NewClient("Priyanka", "Raghunathan"));
        await app.Services.SendAsAsync(maya, ClientBuilder.NewClient("Tomasz", "Kowalczyk"));
        await app.Services.SendAsAsync(maya, new AddDeadline
        {
            ClientId = clientId, Title = "Submit MyERAS application", DueDate = new DateOnly(2027, 1, 15), ReminderOffsets = "7",
        });

        var session = await BrowserlessSession.SignInAsync(app, maya);
        var found = await session.GetPageAsync("/Clients?search=GHUNAT");
        var everyone = await session.GetPageAsync("/Clients");

        Assert.Equal(["Raghunathan, Priyanka"], found.QuerySelectorAll("table tbody tr td:first-child a").Select(a => a.TextContent.Trim()));
        Assert.Equal(2, everyone.QuerySelectorAll("table tbody tr").Length);
        foreach (var page in new[] { "/", "/Board", $"/Clients/Details/{clientId}", "/Deadlines", "/Calls", "/Letters" })
            Assert.Equal(HttpStatusCode.OK, (await session.Http.GetAsync(page)).StatusCode);
        var other = await BrowserlessSession.SignInAsync(app, daniel);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync($"/Clients/Details/{clientId}")).StatusCode);
        Assert.Equal(2L, await database.QueryAsync<long>("SELECT count(*) FROM \"Clients\""));

        // On the day of the reminder planned for 8 Jan 2027, the dispatcher sends it once (beside the consultants'
        // daily digests, which the scheduled jobs may queue meanwhile). The scheduled dispatcher may be the one holding
        // it when the test's run looks, so the test waits for the mail to arrive rather than for its own run.
        clock.SetUtcNow(new DateTimeOffset(2027, 1, 9, 0, 0, 0, TimeSpan.Zero));
        await app.DispatchAsync();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (ReminderMails().Length == 0 && DateTime.UtcNow < deadline) await Task.Delay(200);
        await app.DispatchAsync();
        Assert.Single(ReminderMails());
        Assert.Equal(1L, await database.QueryAsync<long>(
            $"SELECT count(*) FROM \"OutboxMessages\" WHERE \"Kind\" = {(int)OutboxKind.Reminder} AND \"Status\" = {(int)OutboxStatus.Sent} AND \"Attempts\" = 1"));

        string[] ReminderMails() => Directory.Exists(app.MailDirectory)
            ? Directory.GetFiles(app.MailDirectory, "*.eml").Where(file => File.ReadAllText(file).Contains("Subject: Reminder: Submit MyERAS application")).ToArray()
            : [];
    }

    [SkippableFact]
    public async Task Two_instances_dispatching_two_thousand_due_reminders_from_one_database_send_each_exactly_once()
    {
        PostgreSqlDatabase.SkipUnlessAvailable();
        const int due = 2_000;
        await using var database = PostgreSqlDatabase.New();
        await using var smtp = new SmtpSink();
        var settings = SharedSettings(database, smtp);
        await using var first = await ApplicationHarness.StartAsync(settings);
        await using var second = await ApplicationHarness.StartAsync(settings);
        await AddDueEmailsAsync(first, due);
        // Each instance's first email is held until the other instance is sending too, so they provably overlap.
        var receiving = 0;
        var bothSending = new TaskCompletionSource();
        smtp.OnReceiving = () =>
        {
            if (Interlocked.Increment(ref receiving) == 2) bothSending.TrySetResult();
            return bothSending.Task.WaitAsync(TimeSpan.FromSeconds(30));
        };

        var results = await Task.WhenAll(Task.Run(first.DispatchAsync), Task.Run(second.DispatchAsync));

        Assert.Equal(due, results.Sum(r => r.Sent));
        Assert.All(results, r => Assert.True(r.Sent > 0, "both instances should have taken a share"));
        var recipients = smtp.Messages.Select(m => m.To.ToString()).ToList();
        Assert.Equal(due, recipients.Count);
        Assert.Equal(due, recipients.Distinct().Count());
        Assert.Equal(due, await first.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.Sent && m.Attempts == 1)));
    }

    [SkippableFact]
    public async Task When_an_instance_dies_holding_a_batch_the_other_sends_the_rest_at_once_and_that_batch_after_its_lease()
    {
        PostgreSqlDatabase.SkipUnlessAvailable();
        const int due = 300;
        await using var database = PostgreSqlDatabase.New();
        await using var smtp = new SmtpSink();
        var settings = SharedSettings(database, smtp);
        var dying = await ApplicationHarness.StartAsync(settings);
        await using var survivor = await ApplicationHarness.StartAsync(settings);
        var now = survivor.Clock.GetUtcNow().UtcDateTime;
        await AddDueEmailsAsync(survivor, due);

        // The dying instance claims a batch the way its dispatcher does, then stops before sending any of it.
        var leaseEnd = now.AddMinutes(5);
        var held = await dying.QueryAsync(db => db.ClaimDueOutboxAsync(Guid.NewGuid(), now, leaseEnd, 100, CancellationToken.None));
        await dying.DisposeAsync();

        var atOnce = await survivor.DispatchAsync();
        survivor.Clock.SetUtcNow(leaseEnd.AddSeconds(1));
        var afterLease = await survivor.DispatchAsync();

        Assert.Equal((100, due - 100, 100), (held, atOnce.Sent, afterLease.Sent));
        var recipients = smtp.Messages.Select(m => m.To.ToString()).ToList();
        Assert.Equal(due, recipients.Count);
        Assert.Equal(due, recipients.Distinct().Count());
    }

    [SkippableFact]
    public async Task A_booking_waits_while_another_instance_is_in_the_middle_of_a_calendar_change()
    {
        PostgreSqlDatabase.SkipUnlessAvailable();
        await using var database = PostgreSqlDatabase.New();
        await using var first = await ApplicationHarness.StartAsync(database.Settings);
        await using var second = await ApplicationHarness.StartAsync(database.Settings);
        var maya = await first.ConsultantAsync("maya@consultancy.test");
        await first.OpenBookingAsync(maya, "maya");
        // The harness clock is 25 Nov 2026 14:00 UTC; with 12 hours' notice the first free time is the next morning in New York.
        var slot = new DateTime(2026, 11, 26, 14, 0, 0, DateTimeKind.Utc);

        await using var scope = first.Services.CreateSystemScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await using (var change = await db.BeginCalendarChangeAsync(CancellationToken.None))
        {
            var booking = second.SendAsync(null, BookingBuilder.NewBooking("maya", slot));
            await Task.Delay(TimeSpan.FromSeconds(1.5));
            Assert.False(booking.IsCompleted, "the booking was checked and written while another calendar change was in progress");
            await change.CommitAsync(CancellationToken.None);
            await booking;
        }

        Assert.Equal(1, await second.QueryAsync(query => query.StrategyCalls.CountAsync(c => c.StartUtc == slot)));
    }

    [SkippableFact]
    public async Task A_sign_in_cookie_made_by_one_instance_is_accepted_by_another_on_the_same_database()
    {
        PostgreSqlDatabase.SkipUnlessAvailable();
        await using var database = PostgreSqlDatabase.New();
        await using var first = database.Configure(new AppFactory());
        await using var second = database.Configure(new AppFactory());
        var maya = await first.ConsultantAsync("maya.cookie@consultancy.test");
        _ = second.Services;

        var cookie = await SignInCookieAsync(first, maya);
        var onSecond = second.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        var home = new HttpRequestMessage(HttpMethod.Get, "/");
        home.Headers.Add("Cookie", cookie);
        var anonymous = await onSecond.GetAsync("/");

        var response = await onSecond.SendAsync(home);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Dashboard", await response.Content.ReadAsStringAsync());
        // Without the cookie the same page asks to sign in, so the 200 above is the cookie's doing.
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
    }

    [SkippableFact]
    public async Task Instances_starting_together_on_a_new_database_create_migrate_and_seed_it_once()
    {
        PostgreSqlDatabase.SkipUnlessAvailable();
        await using var database = PostgreSqlDatabase.New();
        var instances = Enumerable.Range(0, 3).Select(_ => database.Configure(new AppFactory())).ToList();
        try
        {
            await Task.WhenAll(instances.Select(instance => Task.Run(() => instance.Services)));

            var first = instances[0];
            Assert.Equal(1, await first.QueryAsync(db => db.Users.CountAsync(u => u.Email == first.Admin.Email)));
            Assert.Equal(["Admin", "Consultant"], await first.QueryAsync(db => db.Roles.OrderBy(r => r.Name).Select(r => r.Name!).ToListAsync()));
            var seasons = await first.QueryAsync(db => db.Seasons.Select(s => s.Name).ToListAsync());
            Assert.NotEmpty(seasons);
            Assert.Equal(seasons.Count, seasons.Distinct().Count());
            foreach (var instance in instances)
                Assert.Equal(HttpStatusCode.OK, (await instance.CreateClient().GetAsync("/health")).StatusCode);
        }
        finally
        {
            foreach (var instance in instances) await instance.DisposeAsync();
        }
    }

    [SkippableFact]
    public async Task A_season_plan_run_started_on_one_instance_shows_its_progress_on_another()
    {
        PostgreSqlDatabase.SkipUnlessAvailable();
        await using var database = PostgreSqlDatabase.New();
        await using var first = database.Configure(new AppFactory());
        await using var second = database.Configure(new AppFactory());
        var consultant = await first.ConsultantAsync("ines.plan@consultancy.test");
        for (var i = 0; i < 3; i++)
            await first.Services.SendAsAsync(consultant, ClientBuilder.NewClient($"Plan{i}", "Across") with { Season = "CaRMS 2028", TargetSystem = TargetSystem.CaRMS });
        var seasonId = await first.QueryAsync(db => db.Seasons.Where(s => s.Name == "CaRMS 2028").Select(s => s.Id).SingleAsync());
        var runId = await first.Services.SendAsAsync(first.Admin, new StartSeasonPlanRun(seasonId));

        await first.Services.GetRequiredService<SeasonPlanRuns>().StartAsync(runId, CancellationToken.None);

        var onSecond = second.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        var cookie = await SignInCookieAsync(second, second.Admin);
        var status = "";
        for (var poll = 0; poll < 100 && !status.StartsWith("Finished"); poll++)
        {
            await Task.Delay(100);
            var progress = new HttpRequestMessage(HttpMethod.Get, $"/Seasons/Progress/{runId}");
            progress.Headers.Add("Cookie", cookie);
            var page = await BrowserlessSession.ParseAsync(await onSecond.SendAsync(progress));
            status = page.QuerySelector("[role=status]")!.TextContent.Trim();
        }
        var items = await first.QueryAsync(db => db.PlaybookItems.CountAsync(i => db.Playbooks.Any(p => p.Id == i.PlaybookId && p.System == TargetSystem.CaRMS)));
        Assert.Equal($"Finished: 3 of 3 client(s) planned, {3 * items} new deadline(s) with their reminders.", status);
    }

    [SkippableFact]
    public async Task A_job_scheduled_once_on_two_clustered_instances_runs_once_and_both_instances_are_in_the_cluster()
    {
        PostgreSqlDatabase.SkipUnlessAvailable();
        await using var database = PostgreSqlDatabase.New();
        await using var first = database.Configure(new AppFactory());
        await using var second = database.Configure(new AppFactory());
        _ = first.Services;
        _ = second.Services;
        await WaitUntilAsync(async () => await database.QueryAsync<long>("SELECT count(*) FROM qrtz_scheduler_state") == 2,
            "both instances to check in to the cluster");

        var scheduler = await first.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var job = JobBuilder.Create<RecordingJob>().WithIdentity($"once-{Guid.NewGuid():N}").Build();
        await scheduler.ScheduleJob(job, TriggerBuilder.Create().StartAt(DateTimeOffset.UtcNow.AddSeconds(1)).Build());
        await WaitUntilAsync(() => Task.FromResult(RecordingJob.RunsOf(job.Key).Count > 0), "the job to run");
        // Fired and done: its trigger is gone from the shared schedule, so no instance can fire it again.
        await WaitUntilAsync(async () => await database.QueryAsync<long>(
            $"SELECT count(*) FROM qrtz_triggers WHERE job_name = '{job.Key.Name}'") == 0, "the trigger to complete");

        Assert.Single(RecordingJob.RunsOf(job.Key));
        // The app's own recurring jobs are in the shared schedule once each, under their stable names.
        Assert.Equal(3L, await database.QueryAsync<long>("SELECT count(*) FROM qrtz_triggers WHERE job_name NOT LIKE 'once-%'"));
    }

    [SkippableFact]
    public async Task A_fresh_database_and_one_upgraded_from_the_previous_migration_reach_the_same_schema()
    {
        PostgreSqlDatabase.SkipUnlessAvailable();
        await using var fresh = PostgreSqlDatabase.New();
        await using var upgraded = PostgreSqlDatabase.New();

        await using (var db = ContextOn(fresh)) await db.Database.MigrateAsync();
        string previous;
        await using (var db = ContextOn(upgraded))
        {
            var migrations = db.Database.GetMigrations().ToList();
            previous = migrations[^2];
            await db.GetService<IMigrator>().MigrateAsync(previous);
            Assert.Equal(previous, (await db.Database.GetAppliedMigrationsAsync()).Last());
            await db.Database.MigrateAsync();
            Assert.Equal(migrations, await db.Database.GetAppliedMigrationsAsync());
        }

        var schema = await SchemaAsync(fresh);
        Assert.Contains("Clients.SearchText ", schema);
        Assert.Contains("qrtz_triggers.trigger_state ", schema);
        Assert.Equal(schema, await SchemaAsync(upgraded));
    }

    private static PostgreSqlAppDbContext ContextOn(PostgreSqlDatabase database) => new(
        new DbContextOptionsBuilder<PostgreSqlAppDbContext>().UseNpgsql(database.ConnectionString)
            // Built here without the app's Identity options, so the model differs from the migrations' in details
            // that do not matter for applying them.
            .ConfigureWarnings(warnings => warnings.Ignore(RelationalEventId.PendingModelChangesWarning)).Options,
        new CurrentUser(new HttpContextAccessor()));

    /// <summary>Every column, index and constraint of the public schema, one per line, in a stable order.</summary>
    private static Task<string> SchemaAsync(PostgreSqlDatabase database) => database.QueryAsync<string>("""
        SELECT string_agg(line, E'\n' ORDER BY line) FROM (
            SELECT table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable || ' ' || coalesce(column_default, '') AS line
            FROM information_schema.columns WHERE table_schema = 'public'
            UNION ALL SELECT indexdef FROM pg_indexes WHERE schemaname = 'public'
            UNION ALL SELECT conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid)
            FROM pg_constraint WHERE connamespace = 'public'::regnamespace
        ) AS everything
        """);

    /// <summary>A job that records each run, by job and by the scheduler instance that ran it.</summary>
    public sealed class RecordingJob : IJob
    {
        private static readonly ConcurrentQueue<(JobKey Job, string Instance)> Runs = new();

        public ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
        {
            Runs.Enqueue((context.JobDetail.Key, context.Scheduler.SchedulerInstanceId));
            return ValueTask.CompletedTask;
        }

        public static IReadOnlyList<string> RunsOf(JobKey job) => Runs.Where(r => r.Job.Equals(job)).Select(r => r.Instance).ToList();
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Waited a minute for {what}.");
            await Task.Delay(100);
        }
    }

    /// <summary>Settings for app instances sharing <paramref name="database"/> and sending to <paramref name="smtp"/>.</summary>
    private static Dictionary<string, string?> SharedSettings(PostgreSqlDatabase database, SmtpSink smtp)
    {
        var settings = new Dictionary<string, string?>(ApplicationHarness.SmtpSettings(smtp));
        foreach (var (key, value) in database.Settings) settings[key] = value;
        return settings;
    }

    /// <summary>Emails due now by the harness's clock, one per recipient, as the outbox holds them.</summary>
    private static Task<int> AddDueEmailsAsync(ApplicationHarness app, int count) => app.QueryAsync(async db =>
    {
        var now = app.Clock.GetUtcNow().UtcDateTime;
        for (var i = 0; i < count; i++)
            db.OutboxMessages.Add(OutboxMessage.Fixed(OutboxKind.Account, $"pg-test:{i}", $"applicant{i}@applicant.test",
                $"Message {i}", "Body", null, now));
        return await db.SaveChangesAsync();
    });

    /// <summary>Signs in through the login form without a cookie jar and returns the cookies the app set.</summary>
    private static async Task<string> SignInCookieAsync(AppFactory app, TestUser user)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        var form = await client.GetAsync("/Identity/Account/Login");
        var antiforgery = CookiesOf(form);
        var token = AntiforgeryField().Match(await form.Content.ReadAsStringAsync()).Groups[1].Value;
        var post = new HttpRequestMessage(HttpMethod.Post, "/Identity/Account/Login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.Email"] = user.Email, ["Input.Password"] = user.Password, ["__RequestVerificationToken"] = token,
            }),
        };
        post.Headers.Add("Cookie", antiforgery);
        var signedIn = await client.SendAsync(post);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return CookiesOf(signedIn);
    }

    private static string CookiesOf(HttpResponseMessage response) =>
        string.Join("; ", response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
