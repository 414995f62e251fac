using Consultancy.Application.Domain;
using Consultancy.Benchmarks.Reminders.Instrumentation;
using Consultancy.Benchmarks.Reminders.Smtp;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Benchmarks.Reminders;

/// <param name="Lateness">Sent time minus due time of every reminder; for one not sent by the end, the end minus due time (a lower bound).</param>
/// <param name="SchedulerWait">From the due time to the start of the dispatcher run that found them due.</param>
/// <param name="Drain">From that run's start to the last reminder's sent time.</param>
internal sealed record TimelinessResult(
    int Reminders, int IntervalSeconds, int BatchSize, int Sent, IReadOnlyList<TimeSpan> Lateness,
    TimeSpan SchedulerWait, TimeSpan Drain, PhaseSnapshot Phases);

/// <summary>
/// Many reminders due at the same instant, sent by the real Quartz job at the app's default interval and
/// batch size, against the real clock. The due time is put just after the job's first run, the worst
/// phase: the reminders then wait almost a whole interval before the next run picks them up.
/// </summary>
internal sealed class TimelinessBenchmark(int reminders, TimeSpan timeLimit)
{
    private static readonly DateTime Due = new(2027, 3, 1, 9, 0, 0, DateTimeKind.Utc);
    private static readonly TimeSpan FirstRunBeforeDue = TimeSpan.FromSeconds(3);

    public async Task<TimelinessResult> RunAsync(CancellationToken ct)
    {
        await using var sink = new SmtpSink();
        await using var app = await BenchmarkApp.StartAsync(new AppSetup(SmtpPort: sink.Port, WithScheduler: true), ct);
        var consultant = await app.CreateConsultantAsync(ct);
        app.Clock.MoveTo(Due.AddDays(-1));
        await app.SeedAsync(consultant, reminders, 1, DateOnly.FromDateTime(Due).AddDays(7), new ReminderOffsets([7]), plan: true, ct);

        app.Clock.MoveTo(Due - FirstRunBeforeDue);
        await app.StartSchedulerAsync(ct);
        using (var limit = CancellationTokenSource.CreateLinkedTokenSource(ct))
        {
            limit.CancelAfter(timeLimit + FirstRunBeforeDue);
            try
            {
                while (sink.Received < reminders) await Task.Delay(TimeSpan.FromMilliseconds(200), limit.Token);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                // Out of time: what was not sent by now counts with its lateness so far.
            }
        }
        var end = app.Clock.GetUtcNow().UtcDateTime;
        using (var stopping = CancellationTokenSource.CreateLinkedTokenSource(ct))
        {
            stopping.CancelAfter(TimeSpan.FromSeconds(30));
            await app.StopSchedulerAsync(cancelRunningDispatch: sink.Received < reminders, stopping.Token);
        }

        var rows = await app.QueryAsync(db => db.OutboxMessages.AsNoTracking()
            .Where(m => m.Kind == OutboxKind.Reminder)
            .Select(m => new { m.DueAt, m.SentAt })
            .ToListAsync(ct));
        var lateness = rows.Select(r => (r.SentAt ?? end) - r.DueAt).Order().ToList();
        var phases = app.Phases.Snapshot();
        var firstSent = rows.Min(r => r.SentAt) ?? end;
        var lastSent = rows.Max(r => r.SentAt) ?? end;
        // The run that sent the first reminder is the one that found them due.
        var wake = phases.Runs.Where(r => r.StartedAt <= firstSent).Select(r => r.StartedAt).DefaultIfEmpty(Due).Max();
        return new TimelinessResult(reminders, app.Outbox.DispatchIntervalSeconds, app.Outbox.BatchSize,
            rows.Count(r => r.SentAt is not null), lateness, wake - Due, lastSent - wake, phases);
    }
}
