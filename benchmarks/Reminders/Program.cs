using Consultancy.Benchmarks.Reminders;

// Usage: ReminderBenchmarks [throughput] [timeliness] [planning] [instances] [--messages N] [--rounds N] [--warmup N]
//        [--due N] [--time-limit SECONDS] [--sync-normal] [--group-size N] [--instance-messages N]
// With no scenario named, all four run. "instances" compares one and two app instances dispatching from one database, on
// SQLite and, when CONSULTANCY_BENCH_POSTGRES names a server (a connection string without a database), on PostgreSQL. --sync-normal adds a throughput run with PRAGMA synchronous=NORMAL,
// to show what SQLite's sync to disk costs the dispatcher; --group-size overrides Outbox:RecordGroupSize in the throughput runs.
var options = Options.Parse(args);
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
var ct = cancel.Token;
var output = Console.Out;

if (options.Runs("throughput"))
{
    var throughput = new ThroughputBenchmark(options.Messages, options.Rounds, options.Warmup, options.GroupSize);
    Report.Throughput(output, "Dispatch throughput", await throughput.RunAsync(synchronous: null, ct), options.Warmup);
    if (options.SyncNormal)
        Report.Throughput(output, "Dispatch throughput with PRAGMA synchronous=NORMAL (diagnostic, not the app's setting)",
            await throughput.RunAsync(synchronous: "NORMAL", ct), options.Warmup);
}
if (options.Runs("timeliness"))
    Report.Timeliness(output, await new TimelinessBenchmark(options.Due, options.TimeLimit).RunAsync(ct));
if (options.Runs("instances"))
{
    var server = Environment.GetEnvironmentVariable("CONSULTANCY_BENCH_POSTGRES") is { Length: > 0 } configured ? configured : null;
    Report.Instances(output, await new InstancesBenchmark(options.InstanceMessages).RunAsync(server, ct), server is not null);
}
if (options.Runs("planning"))
{
    var planning = new PlanningBenchmark();
    Report.Planning(output,
    [
        ("1,000 × 1", await planning.RunAsync(1_000, 1, ct)),
        ("1,000 × 10", await planning.RunAsync(1_000, 10, ct)),
    ]);
}

internal sealed record Options(IReadOnlySet<string> Scenarios, int Messages, int Rounds, int Warmup, int Due, TimeSpan TimeLimit, bool SyncNormal, int? GroupSize,
    int InstanceMessages)
{
    public bool Runs(string scenario) => Scenarios.Count == 0 || Scenarios.Contains(scenario);

    public static Options Parse(string[] args)
    {
        var scenarios = new HashSet<string>();
        var options = new Options(scenarios, Messages: 2_000, Rounds: 5, Warmup: 2_000, Due: 10_000, TimeLimit: TimeSpan.FromSeconds(240), SyncNormal: false, GroupSize: null,
            InstanceMessages: 10_000);
        for (var i = 0; i < args.Length; i++)
        {
            int Next() => int.Parse(args[++i]);
            if (args[i] is "throughput" or "timeliness" or "planning" or "instances")
            {
                scenarios.Add(args[i]);
                continue;
            }
            options = args[i] switch
            {
                "--messages" => options with { Messages = Next() },
                "--rounds" => options with { Rounds = Next() },
                "--warmup" => options with { Warmup = Next() },
                "--due" => options with { Due = Next() },
                "--time-limit" => options with { TimeLimit = TimeSpan.FromSeconds(Next()) },
                "--sync-normal" => options with { SyncNormal = true },
                "--group-size" => options with { GroupSize = Next() },
                "--instance-messages" => options with { InstanceMessages = Next() },
                _ => throw new ArgumentException($"Unknown argument '{args[i]}'."),
            };
        }
        return options;
    }
}
