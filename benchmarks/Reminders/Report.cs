using System.Globalization;
using Consultancy.Benchmarks.Reminders.Instrumentation;

namespace Consultancy.Benchmarks.Reminders;

/// <summary>Writes the results as Markdown tables.</summary>
internal static class Report
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static void Instances(TextWriter output, IReadOnlyList<InstancesRow> rows, bool withPostgreSql)
    {
        output.WriteLine("## One and two app instances dispatching from one database");
        output.WriteLine();
        output.WriteLine($"{rows[0].Messages:N0} due reminders, every instance running the dispatcher at once until nothing is due, to one " +
            "loopback SMTP sink; each email arrived exactly once." + (withPostgreSql ? "" : " PostgreSQL not measured (no CONSULTANCY_BENCH_POSTGRES)."));
        output.WriteLine();
        output.WriteLine("| Store | Instances | Seconds | Emails/s | Sent by each instance |");
        output.WriteLine("| --- | ---: | ---: | ---: | --- |");
        foreach (var row in rows.OrderBy(r => r.Store).ThenBy(r => r.Instances))
            output.WriteLine($"| {row.Store} | {row.Instances} | {row.Elapsed.TotalSeconds:F2} | {row.PerSecond:N0} | {string.Join(" + ", row.SentByInstance.Select(n => n.ToString("N0", Invariant)))} |");
        output.WriteLine();
        foreach (var store in rows.Select(r => r.Store).Distinct())
        {
            var one = rows.Single(r => r.Store == store && r.Instances == 1);
            var two = rows.Single(r => r.Store == store && r.Instances == 2);
            output.WriteLine($"{store}: two instances {two.PerSecond / one.PerSecond:F2}× one instance's throughput " +
                $"(target: not slower — {Verdict(two.PerSecond >= one.PerSecond)}).");
            output.WriteLine();
        }
    }

    public static void Throughput(TextWriter output, string title, ThroughputResult result, int warmup)
    {
        var rounds = result.Rounds;
        var messages = rounds[0].Messages;
        output.WriteLine($"## {title}");
        output.WriteLine();
        output.WriteLine($"SQLite {result.Sqlite}; batch size {result.BatchSize}; sends recorded in groups of up to {result.RecordGroupSize} or {result.RecordGroupMilliseconds} ms; {rounds.Count} rounds of {messages:N0} due reminders after " +
            $"{warmup:N0} warm-up. Each round: one dispatcher run (`DispatchOutbox`, as the job sends it), then a bare MailKit loop " +
            "sending the same messages (captured at the sink) over one connection to the same sink, first building each message " +
            "(`MimeMessage` + `BodyBuilder`, as the dispatcher must: the baseline), then with the messages prebuilt (SMTP alone).");
        output.WriteLine();
        output.WriteLine("| Round | Emails | Dispatcher (s) | Dispatcher (emails/s) | Bare MailKit (s) | Bare MailKit (emails/s) | Dispatcher ÷ bare | Bare, prebuilt (emails/s) |");
        output.WriteLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var round in rounds)
            output.WriteLine($"| {round.Round} | {round.Messages:N0} | {round.Dispatcher.TotalSeconds:F2} | {round.DispatcherPerSecond:N0} | " +
                $"{round.Bare.TotalSeconds:F2} | {round.BarePerSecond:N0} | {round.Ratio:F2}× | {round.BarePrebuiltPerSecond:N0} |");
        var dispatcher = Median(rounds.Select(r => r.DispatcherPerSecond));
        var bare = Median(rounds.Select(r => r.BarePerSecond));
        var ratio = Median(rounds.Select(r => r.Ratio));
        var prebuilt = Median(rounds.Select(r => r.BarePrebuiltPerSecond));
        output.WriteLine($"| **median** | | | **{dispatcher:N0}** | | **{bare:N0}** | **{ratio:F2}×** | {prebuilt:N0} |");
        output.WriteLine();
        output.WriteLine($"Targets: ≥ 200 emails/s — {dispatcher:N0} ({Verdict(dispatcher >= 200)}); " +
            $"≤ 2× the bare loop's time — {ratio:F2}× ({Verdict(ratio <= 2)}).");
        output.WriteLine();
        output.WriteLine("Where the dispatcher's time goes (all measured rounds):");
        output.WriteLine();
        Phases(output, result.Phases, rounds.Sum(r => r.Messages));
        var firstRun = result.Phases.RecordSaves.Take(result.Phases.RecordSaves.Count / rounds.Count).ToList();
        output.WriteLine($"Group records within one run (groups of up to {result.RecordGroupSize}): {Growth(firstRun)}.");
        output.WriteLine();
    }

    /// <summary>Each phase ends at a hook on the handler's own path and starts where the previous one ended, so they add up.</summary>
    private static void Phases(TextWriter output, PhaseSnapshot phases, int emails)
    {
        var total = phases.TotalMs;
        output.WriteLine("| Phase | What it is | ms per email | Share |");
        output.WriteLine("| --- | --- | ---: | ---: |");
        void Row(string name, string what, double ms) =>
            output.WriteLine($"| {name} | {what} | {ms / emails:F3} | {ms / total:P0} |");
        void PhaseRow(Phase phase, string what) => Row(phase.ToString().ToLowerInvariant(), what, phases.Phases[phase].Ms);
        PhaseRow(Phase.Claim, "one conditional UPDATE per batch (lease token and expiry)");
        PhaseRow(Phase.Load, "one SELECT per batch with deadline, client and consultant");
        PhaseRow(Phase.Connect, "SMTP connect, once per batch");
        PhaseRow(Phase.Render, "`ReminderEmail.Render`, the checks before it, and any wait for the previous group's commit");
        PhaseRow(Phase.Send, "MIME message built, SMTP exchange until the server accepts");
        PhaseRow(Phase.Quit, "SMTP QUIT, once per batch");
        PhaseRow(Phase.Other, "the rest (between batches, end of run)");
        output.WriteLine($"| **total** | | **{total / emails:F3}** | |");
        Row("*beside the sends:* record", "a group's rows Sent + timeline entries, one transaction, on its own thread while the next group is sent", phases.DetailMs[Detail.Record]);
        Row("&nbsp;&nbsp;of which the statements", "SQLite executing the SELECT, UPDATEs and INSERTs inside it", phases.DetailMs[Detail.RecordStatements]);
        Row("&nbsp;&nbsp;of which the COMMIT", "the group's commit, with its sync to disk", phases.DetailMs[Detail.Commit]);
        output.WriteLine();
        output.WriteLine("The phases of the send path add up to the total; recording runs beside them (its share is of the same total).");
        output.WriteLine();
    }

    public static void Timeliness(TextWriter output, TimelinessResult result)
    {
        output.WriteLine("## Timeliness");
        output.WriteLine();
        output.WriteLine($"{result.Reminders:N0} reminders due at the same instant, sent by the real Quartz job (every {result.IntervalSeconds} s, " +
            $"batches of {result.BatchSize}) to the loopback sink, real clock. The job's first run is 3 s before the due time (worst phase: " +
            "the reminders wait for the next run). Lateness = `SentAt − DueAt` of each outbox row.");
        output.WriteLine();
        output.WriteLine("| Reminders | Sent | Scheduler wait | Drain time | Drain rate (emails/s) | p50 lateness | p99 lateness | max lateness |");
        output.WriteLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        var lateness = result.Lateness;
        var p99 = Percentile(lateness, 0.99);
        // Reminders not sent by the end sort last with the time waited so far; past 1 % of them, p99 is one of those.
        var p99Bound = result.Reminders - result.Sent > result.Reminders / 100;
        var maxBound = result.Sent < result.Reminders;
        output.WriteLine($"| {result.Reminders:N0} | {result.Sent:N0} | {Seconds(result.SchedulerWait)} | {Seconds(result.Drain)} | " +
            $"{result.Sent / result.Drain.TotalSeconds:N0} | {Seconds(Percentile(lateness, 0.50))} | {Seconds(p99)}{(p99Bound ? " (lower bound)" : "")} | " +
            $"{Seconds(lateness[^1])}{(maxBound ? " (lower bound)" : "")} |");
        output.WriteLine();
        var verdict = p99 > TimeSpan.FromSeconds(60) ? Verdict(false) : p99Bound ? "unknown: not all sent within the time limit" : Verdict(true);
        output.WriteLine($"Target: p99 lateness ≤ 60 s — {Seconds(p99)}{(p99Bound ? " or more" : "")} ({verdict}).");
        output.WriteLine();
        output.WriteLine("Where the dispatcher's time goes (the whole run, including the empty run before the due time):");
        output.WriteLine();
        Phases(output, result.Phases, Math.Max(1, result.Sent));
        output.WriteLine($"Group records over the run: {Growth(result.Phases.RecordSaves)}.");
        output.WriteLine();
    }

    public static void Planning(TextWriter output, IReadOnlyList<(string Case, IReadOnlyList<PlanningStep> Steps)> cases)
    {
        output.WriteLine("## Planning");
        output.WriteLine();
        output.WriteLine("`ReminderPlanner.ReplanAsync` over every deadline at once (default offsets 14, 7, 1: three reminders each), then one " +
            "`SaveChangesAsync`, in one scope; the deadlines are loaded with their clients first.");
        output.WriteLine();
        output.WriteLine("| Clients × deadlines | Step | Outbox rows written | Load (ms) | ReplanAsync (ms) | SaveChanges (ms) | Total (ms) | < 5 s |");
        output.WriteLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |");
        foreach (var (name, steps) in cases)
            foreach (var step in steps)
                output.WriteLine($"| {name} | {step.Step} | {step.RowsWritten:N0} | {step.Load.TotalMilliseconds:N0} | {step.Replan.TotalMilliseconds:N0} | " +
                    $"{step.Save.TotalMilliseconds:N0} | {step.Total.TotalMilliseconds:N0} | {Verdict(step.Total < TimeSpan.FromSeconds(5))} |");
        output.WriteLine();
    }

    /// <summary>Whether a save costs more as the run goes on: the first tenth of the saves against the last.</summary>
    private static string Growth(IReadOnlyList<double> saves)
    {
        if (saves.Count < 10) return $"{saves.Count} records, too few to compare";
        var tenth = saves.Count / 10;
        return $"{saves.Count:N0} records; the first {tenth:N0} took {saves.Take(tenth).Average():F2} ms each, the last {tenth:N0} {saves.TakeLast(tenth).Average():F2} ms each";
    }

    private static string Verdict(bool met) => met ? "met" : "**missed**";

    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("F1", Invariant) + " s";

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    /// <summary>Nearest rank on an ascending list.</summary>
    private static TimeSpan Percentile(IReadOnlyList<TimeSpan> sorted, double fraction) =>
        sorted[Math.Max(0, (int)Math.Ceiling(fraction * sorted.Count) - 1)];
}
