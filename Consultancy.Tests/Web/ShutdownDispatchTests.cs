using Consultancy.Application.Domain;
using Consultancy.Tests.Support;

namespace Consultancy.Tests.Web;

/// <summary>
/// The app stopped (its host disposed) while the scheduled dispatcher is sending a batch, then started again on
/// the same database: every email that was due goes out, and none twice.
/// </summary>
public sealed class ShutdownDispatchTests
{
    private const int Due = 150;

    [Fact]
    public async Task Stopping_the_app_in_the_middle_of_a_batch_loses_no_email_and_the_restart_sends_the_rest_once()
    {
        await using var shared = new SharedDatabase();
        await using var smtp = new SmtpSink();
        // Each message takes a little while to accept, so the stop lands while a batch is being sent.
        smtp.OnReceiving = () => Task.Delay(15);

        int receivedWhenStopRequested, receivedWhenStopped;
        await using (var before = OnSharedData(shared, smtp))
        {
            await before.QueryAsync(async db =>
            {
                var now = DateTime.UtcNow;
                for (var i = 0; i < Due; i++)
                    db.OutboxMessages.Add(OutboxMessage.Fixed(OutboxKind.Account, $"shutdown-test:{i}", $"applicant{i}@applicant.test",
                        $"Message {i}", "Body", null, now));
                return await db.SaveChangesAsync();
            });
            await WaitUntilAsync(() => smtp.Messages.Count >= 20, "the scheduled dispatcher to start sending");
            receivedWhenStopRequested = smtp.Messages.Count;
            Assert.True(receivedWhenStopRequested < Due, "the whole outbox went out before the stop; the test proves nothing");
        }
        receivedWhenStopped = smtp.Messages.Count;

        await using (var after = OnSharedData(shared, smtp))
        {
            _ = after.Services;
            await WaitUntilAsync(() => smtp.Messages.Count >= Due, "the restarted app to send the rest");
            // One more dispatcher run finds nothing left to send.
            await after.DispatchAsync();
            var pending = await after.QueryAsync(db => Task.FromResult(db.OutboxMessages.Count(m => m.Status != OutboxStatus.Sent)));
            Assert.Equal(0, pending);
        }

        var recipients = smtp.Messages.Select(m => m.To.ToString()).ToList();
        Assert.Equal(Due, recipients.Distinct().Count());
        Assert.Equal(Due, recipients.Count);
        // The stop waited for the batch that was being sent rather than abandoning it half way.
        Assert.True(receivedWhenStopped > receivedWhenStopRequested,
            $"{receivedWhenStopRequested} emails had arrived when the stop was asked for and still {receivedWhenStopped} when it finished");
    }

    private static AppFactory OnSharedData(SharedDatabase shared, SmtpSink smtp) => shared.Configure(new AppFactory())
        .With("DataProtection:KeysDirectory", shared.File("keys"))
        .With("Email:Smtp:Host", "127.0.0.1")
        .With("Email:Smtp:Port", smtp.Port.ToString())
        .With("Email:Smtp:Security", "None")
        .With("Reminders:DispatchIntervalSeconds", "1");

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Waited a minute for {what}.");
            await Task.Delay(20);
        }
    }
}
