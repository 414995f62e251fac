using Consultancy.Application.Clients;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Deadlines;
using Consultancy.Application.Domain;
using Consultancy.Application.Outbox;
using Consultancy.Application.Reminders;
using Consultancy.Infrastructure.Identity;
using Consultancy.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Consultancy.Tests.Application;

/// <summary>The outbox dispatcher against a real SMTP server on loopback, with a fake clock.</summary>
public sealed class ReminderDispatchTests : IAsyncLifetime
{
    private readonly SmtpSink _smtp = new();
    private ApplicationHarness _app = null!;
    private TestUser _maya = null!;

    public async Task InitializeAsync()
    {
        _app = await ApplicationHarness.StartAsync(ApplicationHarness.SmtpSettings(_smtp));
        _maya = await TestUsers.CreateAsync(_app.Services, "maya@consultancy.test");
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    [Fact]
    public async Task A_due_reminder_arrives_once_with_local_date_headers_and_reply_to_and_lands_on_the_timeline()
    {
        var clientId = await _app.SendAsync(_maya, ClientBuilder.NewClient("Priya", "Sharma") with { TimeZoneId = "Asia/Kolkata", Email = "priya@applicant.test" });
        var deadlineId = await _app.SendAsync(_maya, new AddDeadline
        {
            ClientId = clientId, Title = "Submit MyERAS application", Category = DeadlineCategory.Application,
            DueDate = new DateOnly(2027, 1, 15), ReminderOffsets = "7", Notes = "Programs start downloading applications that day.",
        });
        var reminder = await _app.QueryAsync(db => db.OutboxMessages.SingleAsync(m => m.DeadlineId == deadlineId));
        _app.Clock.SetUtcNow(reminder.DueAt.AddMinutes(-1));
        Assert.Equal(0, (await _app.DispatchAsync()).Sent);

        _app.Clock.SetUtcNow(reminder.DueAt);
        var result = await _app.DispatchAsync();
        var again = await _app.DispatchAsync();

        Assert.Equal((1, 0), (result.Sent, again.Sent));
        var email = Assert.Single(_smtp.Messages);
        Assert.Equal("priya@applicant.test", email.To.Mailboxes.Single().Address);
        Assert.Equal("maya@consultancy.test", email.ReplyTo.Mailboxes.Single().Address);
        Assert.Equal("Reminder: Submit MyERAS application is due in 7 days (15 Jan)", email.Subject);
        Assert.Contains("on Friday 15 January 2027", email.TextBody);
        Assert.Contains("Programs start downloading applications that day.", email.HtmlBody);
        Assert.Equal($"outbox-{reminder.Id}@consultancy.test", email.MessageId);
        Assert.Matches("^<https://crm.consultancy.test/u/[^>]+>$", email.Headers["List-Unsubscribe"]);
        Assert.Equal("List-Unsubscribe=One-Click", email.Headers["List-Unsubscribe-Post"]);

        var sent = await _app.QueryAsync(db => db.OutboxMessages.SingleAsync(m => m.Id == reminder.Id));
        Assert.Equal((OutboxStatus.Sent, reminder.DueAt, $"outbox-{reminder.Id}@consultancy.test", 1), (sent.Status, sent.SentAt, sent.MessageId, sent.Attempts));
        var timeline = (await _app.SendAsync(_maya, new GetClientDetails(clientId))).Timeline;
        Assert.Equal(AuditAction.Sent, timeline[0].Action);
        Assert.Contains(new AuditFieldChange("Deadline", null, "Submit MyERAS application"), timeline[0].Changes);
    }

    [Fact]
    public async Task The_one_click_unsubscribe_opts_the_client_out_and_later_reminders_are_cancelled_not_sent()
    {
        var (clientId, deadlineId) = await ClientWithDeadlineAsync("14, 7, 1");
        var rows = await RemindersOfAsync(deadlineId);
        _app.Clock.SetUtcNow(rows[0].DueAt);
        await _app.DispatchAsync();
        var link = Assert.Single(_smtp.Messages).Headers["List-Unsubscribe"]!.Trim('<', '>');

        var firstName = await _app.SendAsync(null, new Unsubscribe(link.Split('/').Last()));

        Assert.Equal("Amara", firstName);
        Assert.True(await _app.QueryAsync(db => db.Clients.Where(c => c.Id == clientId).Select(c => c.RemindersOptedOut).SingleAsync()));
        // Cancelled at once, not only when the dispatcher reaches them: the outbox page tells the truth.
        Assert.Equal([OutboxStatus.Sent, OutboxStatus.Cancelled, OutboxStatus.Cancelled], (await RemindersOfAsync(deadlineId)).Select(r => r.Status));
        _app.Clock.SetUtcNow(rows[2].DueAt.AddDays(1));
        await _app.DispatchAsync();
        Assert.Single(_smtp.Messages);
        var after = await RemindersOfAsync(deadlineId);
        Assert.Equal([OutboxStatus.Sent, OutboxStatus.Cancelled, OutboxStatus.Cancelled], after.Select(r => r.Status));
        Assert.All(after.Skip(1), r => Assert.Equal("the client opted out of reminders", r.CancelReason));
    }

    [Fact]
    public async Task A_forged_unsubscribe_token_changes_nothing()
    {
        foreach (var token in new[] { "CfDJ8-not-a-real-token", "", " ", null, "!!!" })
            Assert.Null(await _app.SendAsync(null, new Unsubscribe(token)));
    }

    [Fact]
    public async Task A_reminder_for_a_deadline_closed_after_planning_is_cancelled_at_send_time_with_the_reason()
    {
        var (_, deadlineId) = await ClientWithDeadlineAsync("7");
        var reminder = (await RemindersOfAsync(deadlineId)).Single();
        // Close the deadline behind the planner's back, as a concurrent change could.
        await _app.QueryAsync(db => db.Deadlines.Where(d => d.Id == deadlineId)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, DeadlineStatus.Done)));
        _app.Clock.SetUtcNow(reminder.DueAt);

        var result = await _app.DispatchAsync();

        Assert.Equal((0, 1), (result.Sent, result.Cancelled));
        Assert.Empty(_smtp.Messages);
        Assert.Equal("the deadline was completed", (await RemindersOfAsync(deadlineId)).Single().CancelReason);
    }

    [Fact]
    public async Task When_the_server_refuses_for_a_while_messages_retry_with_backoff_and_each_arrives_once()
    {
        var due = await ManyDueRemindersAsync(20);
        _smtp.RefuseTemporarily = true;

        var refused = await _app.DispatchAsync();
        Assert.Equal((0, 20), (refused.Sent, refused.Retrying));
        var retry = await _app.QueryAsync(db => db.OutboxMessages.Where(m => m.Kind == OutboxKind.Reminder).ToListAsync());
        Assert.All(retry, m => Assert.Equal((OutboxStatus.Pending, 1, due.AddMinutes(1)), (m.Status, m.Attempts, m.DueAt)));
        Assert.All(retry, m => Assert.StartsWith("SMTP 452", m.LastError));

        _smtp.RefuseTemporarily = false;
        Assert.Equal(0, (await _app.DispatchAsync()).Sent);
        _app.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(20, (await _app.DispatchAsync()).Sent);

        Assert.Equal(20, _smtp.Messages.Select(m => m.MessageId).Distinct().Count());
        Assert.Equal(20, _smtp.Messages.Count);
    }

    [Fact]
    public async Task When_the_server_is_down_nothing_is_lost_and_everything_arrives_once_it_is_back()
    {
        await ManyDueRemindersAsync(10);
        await _smtp.StopAsync();

        var down = await _app.DispatchAsync();
        Assert.Equal((0, 10), (down.Sent, down.Retrying));
        _app.Clock.Advance(TimeSpan.FromMinutes(1));
        var stillDown = await _app.DispatchAsync();
        Assert.Equal(10, stillDown.Retrying);
        var backoff = await _app.QueryAsync(db => db.OutboxMessages.Select(m => m.Attempts).Distinct().ToListAsync());
        Assert.Equal([2], backoff);

        _smtp.Start();
        _app.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(10, (await _app.DispatchAsync()).Sent);
        Assert.Equal(10, _smtp.Messages.Select(m => m.MessageId).Distinct().Count());
        Assert.Equal(10, _smtp.Messages.Count);
    }

    [Fact]
    public async Task After_the_last_attempt_a_message_is_marked_failed_with_its_error_and_an_admin_retry_sends_it()
    {
        await using var app = await ApplicationHarness.StartAsync(new Dictionary<string, string?>(ApplicationHarness.SmtpSettings(_smtp))
        {
            ["Reminders:MaxAttempts"] = "2",
        });
        var maya = await TestUsers.CreateAsync(app.Services, "maya@consultancy.test");
        var clientId = await app.SendAsync(maya, ClientBuilder.NewClient());
        var deadlineId = await app.SendAsync(maya, new AddDeadline { ClientId = clientId, Title = "Book NAC OSCE", DueDate = new DateOnly(2027, 2, 1), ReminderOffsets = "7" });
        var reminder = await app.QueryAsync(db => db.OutboxMessages.SingleAsync(m => m.DeadlineId == deadlineId));
        app.Clock.SetUtcNow(reminder.DueAt);
        _smtp.RefuseTemporarily = true;

        await app.DispatchAsync();
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var last = await app.DispatchAsync();

        Assert.Equal(1, last.Failed);
        var failed = await app.QueryAsync(db => db.OutboxMessages.SingleAsync(m => m.Id == reminder.Id));
        Assert.Equal((OutboxStatus.Failed, 2), (failed.Status, failed.Attempts));
        Assert.StartsWith("SMTP 452", failed.LastError);

        _smtp.RefuseTemporarily = false;
        await app.SendAsync(await app.AdminAsync(), new Consultancy.Application.Outbox.ChangeOutboxMessage(reminder.Id, Retry: true));
        Assert.Equal(1, (await app.DispatchAsync()).Sent);
    }

    [Fact]
    public async Task Two_dispatchers_racing_over_500_due_messages_send_each_exactly_once()
    {
        await ManyDueRemindersAsync(500);
        // The first email each dispatcher hands over is held until the other dispatcher is sending too, so the
        // two provably run at once instead of one finishing every batch before the other starts.
        var receiving = 0;
        var bothSending = new TaskCompletionSource();
        _smtp.OnReceiving = () =>
        {
            if (Interlocked.Increment(ref receiving) == 2) bothSending.TrySetResult();
            return bothSending.Task.WaitAsync(TimeSpan.FromSeconds(30));
        };

        var results = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(_app.DispatchAsync)));

        Assert.Equal(500, results.Sum(r => r.Sent));
        Assert.All(results, r => Assert.True(r.Sent > 0, "both dispatchers should have taken a share"));
        Assert.Equal(500, _smtp.Messages.Count);
        Assert.Equal(500, _smtp.Messages.Select(m => m.MessageId).Distinct().Count());
        Assert.Equal(500, await _app.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.Sent && m.Attempts == 1)));
    }

    [Fact]
    public async Task Over_several_batches_every_sent_reminder_lands_on_its_clients_timeline_exactly_once()
    {
        await ManyDueRemindersAsync(250);

        Assert.Equal(250, (await _app.DispatchAsync()).Sent);

        var sent = await _app.QueryAsync(db => db.OutboxMessages.Where(m => m.Status == OutboxStatus.Sent)
            .Select(m => new { m.Id, m.ClientId }).ToListAsync());
        var entries = await _app.QueryAsync(db => db.AuditEntries.Where(a => a.Action == AuditAction.Sent)
            .Select(a => new { a.EntityId, a.ClientId }).ToListAsync());
        Assert.Equal(
            sent.Select(m => (m.Id.ToString(), m.ClientId)).Order(),
            entries.Select(a => (a.EntityId ?? "", a.ClientId)).Order());
    }

    [Fact]
    public async Task A_batch_claimed_by_a_dispatcher_that_crashed_is_sent_once_after_its_lease_expires()
    {
        var due = await ManyDueRemindersAsync(5);
        // A dispatcher claims the rows and dies before sending anything.
        await _app.QueryAsync(db => db.OutboxMessages.ExecuteUpdateAsync(s => s
            .SetProperty(m => m.LockToken, Guid.NewGuid())
            .SetProperty(m => m.LockedUntil, due.AddMinutes(5))
            .SetProperty(m => m.Attempts, 1)));

        Assert.Equal(0, (await _app.DispatchAsync()).Sent);
        _app.Clock.SetUtcNow(due.AddMinutes(5).AddSeconds(1));
        Assert.Equal(5, (await _app.DispatchAsync()).Sent);
        Assert.Equal(0, (await _app.DispatchAsync()).Sent);

        Assert.Equal(5, _smtp.Messages.Count);
    }

    [Fact]
    public async Task A_group_whose_recording_failed_is_not_sent_again_while_its_lease_holds_and_only_that_group_is_sent_again_after()
    {
        var database = new FailingDatabase();
        await using var app = await ApplicationHarness.StartAsync(RecordingInGroupsOf(10), database.AddTo);
        var maya = await TestUsers.CreateAsync(app.Services, "maya@consultancy.test");
        var due = await ManyDueRemindersAsync(app, maya, 50);
        var ids = await app.QueryAsync(db => db.OutboxMessages.OrderBy(m => m.Id).Select(m => m.Id).ToListAsync());
        database.FailCommit(2, dies: false);

        // Groups 1 and 3 are recorded; group 2's commit fails, which the run notices when group 3 closes, and stops.
        await Assert.ThrowsAnyAsync<IOException>(app.DispatchAsync);
        Assert.Equal(30, _smtp.Messages.Count);
        Assert.Equal(20, await SentCountAsync(app));

        Assert.Equal(0, (await app.DispatchAsync()).Sent);
        app.Clock.SetUtcNow(due.AddSeconds(LeaseSeconds + 1));
        Assert.Equal(30, (await app.DispatchAsync()).Sent);
        Assert.Equal(0, (await app.DispatchAsync()).Sent);

        Assert.Equal(MessageIds(ids[10..20]), SentTwice());
        Assert.Equal(50, await SentCountAsync(app));
        Assert.Equal(50, await app.QueryAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.Sent)));
    }

    [Fact]
    public async Task A_crash_while_a_group_commits_sends_at_most_two_groups_again_and_only_after_the_lease_expires()
    {
        var database = new FailingDatabase();
        await using var app = await ApplicationHarness.StartAsync(RecordingInGroupsOf(10), database.AddTo);
        var maya = await TestUsers.CreateAsync(app.Services, "maya@consultancy.test");
        var due = await ManyDueRemindersAsync(app, maya, 50);
        var ids = await app.QueryAsync(db => db.OutboxMessages.OrderBy(m => m.Id).Select(m => m.Id).ToListAsync());
        database.FailCommit(2, dies: true);

        // The process "dies" as group 2 commits; group 3 was being sent meanwhile and is never recorded either.
        await Assert.ThrowsAnyAsync<IOException>(app.DispatchAsync);
        database.Revive();
        Assert.Equal(30, _smtp.Messages.Count);
        Assert.Equal(10, await SentCountAsync(app));

        Assert.Equal(0, (await app.DispatchAsync()).Sent);
        app.Clock.SetUtcNow(due.AddSeconds(LeaseSeconds + 1));
        Assert.Equal(40, (await app.DispatchAsync()).Sent);

        Assert.Equal(MessageIds(ids[10..30]), SentTwice());
        Assert.Equal(50, _smtp.Messages.Select(m => m.MessageId).Distinct().Count());
        Assert.Equal(50, await SentCountAsync(app));
    }

    [Fact]
    public async Task With_a_slow_server_a_group_is_recorded_when_its_time_is_up_without_waiting_to_fill()
    {
        var database = new FailingDatabase();
        await using var app = await ApplicationHarness.StartAsync(new Dictionary<string, string?>(ApplicationHarness.SmtpSettings(_smtp))
        {
            ["Reminders:RecordGroupSize"] = "1000",
            ["Reminders:RecordGroupMilliseconds"] = "1000",
        }, database.AddTo);
        var maya = await TestUsers.CreateAsync(app.Services, "maya@consultancy.test");
        await ManyDueRemindersAsync(app, maya, 10);
        _smtp.OnReceiving = () =>
        {
            app.Clock.Advance(TimeSpan.FromMilliseconds(300));
            return Task.CompletedTask;
        };
        database.FailCommit(2, dies: true);

        await Assert.ThrowsAnyAsync<IOException>(app.DispatchAsync);
        database.Revive();

        // Sends 1-5 closed the first group (the 5th came 1.2 s after the 1st); the crash took only the second.
        Assert.Equal(10, _smtp.Messages.Count);
        var sentAt = await app.QueryAsync(db => db.OutboxMessages.Where(m => m.Status == OutboxStatus.Sent)
            .OrderBy(m => m.Id).Select(m => m.SentAt).ToListAsync());
        Assert.Equal(5, sentAt.Count);
        // Each row keeps the time its own send was accepted.
        Assert.Equal(5, sentAt.Distinct().Count());
    }

    [Fact]
    public async Task A_due_date_moved_while_a_dispatcher_holds_the_reminder_moves_its_retry_to_the_new_time()
    {
        var (clientId, deadlineId) = await ClientWithDeadlineAsync("7");
        var reminder = (await RemindersOfAsync(deadlineId)).Single();
        _app.Clock.SetUtcNow(reminder.DueAt);
        var maya = _maya;
        _smtp.RefuseTemporarily = true;
        // The consultant moves the deadline a month later while the server is still answering this reminder.
        _smtp.OnReceiving = async () =>
        {
            _smtp.OnReceiving = null;
            var form = await _app.SendAsync(maya, new GetDeadlineForEdit(deadlineId));
            await _app.SendAsync(maya, form with { DueDate = new DateOnly(2027, 3, 1) });
        };

        Assert.Equal(1, (await _app.DispatchAsync()).Retrying);

        var moved = (await RemindersOfAsync(deadlineId)).Single();
        var planned = new DateTime(2027, 2, 22, 8, 0, 0, DateTimeKind.Utc); // 09:00 in Lagos
        Assert.Equal((OutboxStatus.Pending, planned, 1), (moved.Status, moved.DueAt, moved.Attempts));
        _smtp.RefuseTemporarily = false;
        _app.Clock.SetUtcNow(reminder.DueAt.AddMinutes(30));
        Assert.Equal(0, (await _app.DispatchAsync()).Sent);
        _app.Clock.SetUtcNow(planned);
        Assert.Equal(1, (await _app.DispatchAsync()).Sent);
        Assert.Equal("Reminder: Upload personal statement is due in 7 days (1 Mar)", Assert.Single(_smtp.Messages).Subject);
    }

    [Fact]
    public async Task A_due_date_moved_while_a_crashed_dispatcher_holds_the_reminder_is_sent_at_the_new_time_not_at_lease_expiry()
    {
        var (_, deadlineId) = await ClientWithDeadlineAsync("7");
        var reminder = (await RemindersOfAsync(deadlineId)).Single();
        _app.Clock.SetUtcNow(reminder.DueAt);
        await _app.QueryAsync(db => db.OutboxMessages.ExecuteUpdateAsync(s => s
            .SetProperty(m => m.LockToken, Guid.NewGuid())
            .SetProperty(m => m.LockedUntil, reminder.DueAt.AddMinutes(5))
            .SetProperty(m => m.Attempts, 1)));

        var form = await _app.SendAsync(_maya, new GetDeadlineForEdit(deadlineId));
        await _app.SendAsync(_maya, form with { DueDate = new DateOnly(2027, 3, 1) });

        var planned = new DateTime(2027, 2, 22, 8, 0, 0, DateTimeKind.Utc);
        _app.Clock.SetUtcNow(reminder.DueAt.AddMinutes(6));
        Assert.Equal(0, (await _app.DispatchAsync()).Sent);
        _app.Clock.SetUtcNow(planned);
        Assert.Equal(1, (await _app.DispatchAsync()).Sent);
        Assert.Contains("(1 Mar)", Assert.Single(_smtp.Messages).Subject);
    }

    private Dictionary<string, string?> RecordingInGroupsOf(int size) => new(ApplicationHarness.SmtpSettings(_smtp))
    {
        ["Reminders:RecordGroupSize"] = size.ToString(),
        ["Reminders:RecordGroupMilliseconds"] = "60000",
    };

    private const int LeaseSeconds = 300;

    private static Task<int> SentCountAsync(ApplicationHarness app) =>
        app.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.Sent));

    private static HashSet<string> MessageIds(IEnumerable<long> ids) => ids.Select(id => $"outbox-{id}@consultancy.test").ToHashSet();

    private HashSet<string> SentTwice()
    {
        var arrivals = _smtp.Messages.GroupBy(m => m.MessageId ?? "").ToList();
        Assert.All(arrivals, a => Assert.InRange(a.Count(), 1, 2));
        return arrivals.Where(a => a.Count() == 2).Select(a => a.Key).ToHashSet();
    }

    private async Task<(int ClientId, int DeadlineId)> ClientWithDeadlineAsync(string offsets)
    {
        var clientId = await _app.SendAsync(_maya, ClientBuilder.NewClient());
        var deadlineId = await _app.SendAsync(_maya, new AddDeadline
        {
            ClientId = clientId, Title = "Upload personal statement", Category = DeadlineCategory.Documents,
            DueDate = new DateOnly(2027, 2, 1), ReminderOffsets = offsets,
        });
        return (clientId, deadlineId);
    }

    private Task<List<OutboxMessage>> RemindersOfAsync(int deadlineId) =>
        _app.QueryAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.DeadlineId == deadlineId).OrderBy(m => m.DueAt).ToListAsync());

    /// <summary>Plans <paramref name="count"/> reminders due at the same instant and moves the clock there.</summary>
    private Task<DateTime> ManyDueRemindersAsync(int count) => ManyDueRemindersAsync(_app, _maya, count);

    private static async Task<DateTime> ManyDueRemindersAsync(ApplicationHarness app, TestUser maya, int count)
    {
        await using (var scope = app.Services.CreateSystemScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IAppDbContext>();
            var planner = scope.ServiceProvider.GetRequiredService<ReminderPlanner>();
            var now = app.Clock.GetUtcNow().UtcDateTime;
            var deadlines = new List<Deadline>();
            for (var i = 0; i < count; i++)
            {
                var client = Client.Open(maya.Id, ClientStage.Applied, now, null);
                var form = ClientBuilder.NewClient($"Bulk{i}", "Applicant") with { TimeZoneId = "UTC" };
                (client.FirstName, client.LastName, client.Email, client.TimeZoneId) = (form.FirstName, form.LastName, form.Email, form.TimeZoneId);
                var deadline = new Deadline(client, now) { Title = $"Deadline {i}", DueDate = new DateOnly(2027, 2, 1), ReminderOffsets = new ReminderOffsets([7]) };
                db.Clients.Add(client);
                db.Deadlines.Add(deadline);
                deadlines.Add(deadline);
            }
            await db.SaveChangesAsync(CancellationToken.None);
            await planner.ReplanAsync(deadlines, CancellationToken.None);
            await db.SaveChangesAsync(CancellationToken.None);
        }
        var due = new DateTime(2027, 1, 25, 9, 0, 0, DateTimeKind.Utc);
        app.Clock.SetUtcNow(due);
        return due;
    }
}
