using System.Diagnostics;
using Consultancy.Application.Domain;
using Consultancy.Benchmarks.Reminders.Instrumentation;
using Consultancy.Benchmarks.Reminders.Smtp;
using MimeKit;

namespace Consultancy.Benchmarks.Reminders;

/// <param name="Bare">The bare loop building each message as it goes: the baseline of the ratio.</param>
/// <param name="BarePrebuilt">The bare loop with the messages already built: SMTP alone.</param>
internal sealed record ThroughputRound(int Round, int Messages, TimeSpan Dispatcher, TimeSpan Bare, TimeSpan BarePrebuilt)
{
    public double DispatcherPerSecond => Messages / Dispatcher.TotalSeconds;
    public double BarePerSecond => Messages / Bare.TotalSeconds;
    public double BarePrebuiltPerSecond => Messages / BarePrebuilt.TotalSeconds;
    public double Ratio => Dispatcher / Bare;
}

internal sealed record ThroughputResult(
    string Sqlite, int BatchSize, int RecordGroupSize, int RecordGroupMilliseconds, IReadOnlyList<ThroughputRound> Rounds, PhaseSnapshot Phases);

/// <summary>
/// The dispatcher sending rounds of due reminders to a loopback SMTP sink, each round followed by a bare
/// MailKit loop sending the very same messages (captured at the sink) over one connection to the same
/// sink, once building each message and once with them prebuilt. All are warmed up first; alternating
/// keeps machine drift from favouring either side.
/// </summary>
internal sealed class ThroughputBenchmark(int messagesPerRound, int rounds, int warmupMessages, int? recordGroupSize)
{
    private static readonly DateTime FirstDue = new(2027, 3, 1, 9, 0, 0, DateTimeKind.Utc);
    private static readonly ReminderOffsets SevenDaysBefore = new([7]);

    public async Task<ThroughputResult> RunAsync(string? synchronous, CancellationToken ct)
    {
        await using var sink = new SmtpSink();
        await using var app = await BenchmarkApp.StartAsync(new AppSetup(SmtpPort: sink.Port, Synchronous: synchronous, RecordGroupSize: recordGroupSize), ct);
        var consultant = await app.CreateConsultantAsync(ct);

        // Round r's reminders fall due on day r at 09:00 UTC; none is due before the clock is moved there.
        app.Clock.MoveTo(FirstDue.AddDays(-1));
        for (var round = 0; round <= rounds; round++)
        {
            var count = round == 0 ? warmupMessages : messagesPerRound;
            await app.SeedAsync(consultant, count, 1, DateOnly.FromDateTime(DueOn(round)).AddDays(7), SevenDaysBefore, plan: true, ct);
        }

        var bare = new BareMailKitLoop(sink.Port);
        sink.Capturing = true;
        await DispatchRoundAsync(app, sink, 0, warmupMessages, ct);
        sink.Capturing = false;
        var warmup = Parse(sink.TakeCaptured());
        await SendBareAsync(sink, warmup.Count, () => bare.SendBuildingEachAsync([.. warmup.Select(EmailContent.Of)], ct));
        await SendBareAsync(sink, warmup.Count, () => bare.SendPrebuiltAsync(warmup, ct));
        app.Phases.Reset();

        var results = new List<ThroughputRound>();
        List<MimeMessage>? messages = null;
        List<EmailContent>? contents = null;
        for (var round = 1; round <= rounds; round++)
        {
            sink.Capturing = messages is null;
            var dispatcher = await DispatchRoundAsync(app, sink, round, messagesPerRound, ct);
            sink.Capturing = false;
            messages ??= Parse(sink.TakeCaptured());
            contents ??= [.. messages.Select(EmailContent.Of)];
            var building = await SendBareAsync(sink, contents.Count, () => bare.SendBuildingEachAsync(contents, ct));
            var prebuilt = await SendBareAsync(sink, messages.Count, () => bare.SendPrebuiltAsync(messages, ct));
            results.Add(new ThroughputRound(round, messagesPerRound, dispatcher, building, prebuilt));
        }
        return new ThroughputResult(await app.DescribeSqliteAsync(ct), app.Outbox.BatchSize, app.Outbox.RecordGroupSize,
            app.Outbox.RecordGroupMilliseconds, results, app.Phases.Snapshot());
    }

    private static DateTime DueOn(int round) => FirstDue.AddDays(round);

    private static async Task<TimeSpan> DispatchRoundAsync(BenchmarkApp app, SmtpSink sink, int round, int expected, CancellationToken ct)
    {
        app.Clock.MoveTo(DueOn(round));
        var received = sink.Received;
        var started = Stopwatch.GetTimestamp();
        var result = await app.DispatchAsync(ct);
        var elapsed = Stopwatch.GetElapsedTime(started);
        if (result.Sent != expected || sink.Received - received != expected)
            throw new InvalidOperationException($"Round {round}: the dispatcher sent {result.Sent} and the sink got {sink.Received - received}; expected {expected}.");
        return elapsed;
    }

    private static async Task<TimeSpan> SendBareAsync(SmtpSink sink, int count, Func<Task<TimeSpan>> send)
    {
        var received = sink.Received;
        var elapsed = await send();
        if (sink.Received - received != count)
            throw new InvalidOperationException($"The bare loop sent {count} but the sink got {sink.Received - received}.");
        return elapsed;
    }

    private static List<MimeMessage> Parse(List<byte[]> raw) =>
        raw.Count == 0 ? throw new InvalidOperationException("The sink captured nothing.") : raw.Select(bytes => MimeMessage.Load(new MemoryStream(bytes))).ToList();
}
