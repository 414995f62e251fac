using System.Diagnostics;

namespace Consultancy.Benchmarks.Reminders.Instrumentation;

/// <summary>The steps of one dispatcher run, in the order the handler takes them for each message.</summary>
internal enum Phase
{
    Claim,
    Load,
    Connect,
    Render,
    Send,
    Quit,
    Other,
}

/// <summary>Time spent inside a phase, measured by the database provider itself.</summary>
internal enum Detail
{
    /// <summary>Recording a group of sends, from BEGIN to the end of COMMIT; it runs beside the sends, not in their path.</summary>
    Record,
    /// <summary>The statements recording a group of sends (SELECT of the rows, their UPDATEs, the timeline INSERTs), inside its transaction.</summary>
    RecordStatements,
    /// <summary>The group's COMMIT: where SQLite syncs to disk.</summary>
    Commit,
}

internal sealed record DispatchRun(DateTime StartedAt, DateTime EndedAt);

/// <summary>
/// Splits dispatcher runs into phases with a lap timer: each hook on the dispatcher's path marks the end of
/// a phase, which gets the time since the previous mark, so the phases add up to the whole run. Only one
/// dispatcher runs at a time here; the lock is for readers polling from another thread.
/// </summary>
internal sealed class PhaseTimer(TimeProvider clock)
{
    private readonly Lock _gate = new();
    private readonly double[] _phaseMs = new double[Enum.GetValues<Phase>().Length];
    private readonly int[] _phaseCounts = new int[Enum.GetValues<Phase>().Length];
    private readonly double[] _detailMs = new double[Enum.GetValues<Detail>().Length];
    private readonly List<double> _recordSaves = [];
    private readonly List<DispatchRun> _runs = [];
    private long _lapStartedAt;
    private DateTime _runStartedAt;
    private bool _running;

    public void BeginRun()
    {
        lock (_gate)
        {
            _running = true;
            _runStartedAt = clock.GetUtcNow().UtcDateTime;
            _lapStartedAt = Stopwatch.GetTimestamp();
        }
    }

    public void EndRun()
    {
        lock (_gate)
        {
            LapLocked(Phase.Other);
            _running = false;
            _runs.Add(new DispatchRun(_runStartedAt, clock.GetUtcNow().UtcDateTime));
        }
    }

    /// <summary>Ends <paramref name="phase"/> now.</summary>
    public void Lap(Phase phase)
    {
        lock (_gate) LapLocked(phase);
    }

    public void Add(Detail detail, TimeSpan elapsed)
    {
        lock (_gate)
        {
            if (!_running) return;
            _detailMs[(int)detail] += elapsed.TotalMilliseconds;
            if (detail == Detail.Record) _recordSaves.Add(elapsed.TotalMilliseconds);
        }
    }

    public PhaseSnapshot Snapshot()
    {
        lock (_gate)
            return new PhaseSnapshot(
                Enum.GetValues<Phase>().ToDictionary(p => p, p => (_phaseMs[(int)p], _phaseCounts[(int)p])),
                Enum.GetValues<Detail>().ToDictionary(d => d, d => _detailMs[(int)d]),
                [.. _recordSaves], [.. _runs]);
    }

    public void Reset()
    {
        lock (_gate)
        {
            Array.Clear(_phaseMs);
            Array.Clear(_phaseCounts);
            Array.Clear(_detailMs);
            _recordSaves.Clear();
            _runs.Clear();
        }
    }

    private void LapLocked(Phase phase)
    {
        if (!_running) return;
        var now = Stopwatch.GetTimestamp();
        var elapsed = Stopwatch.GetElapsedTime(_lapStartedAt, now).TotalMilliseconds;
        _lapStartedAt = now;
        _phaseMs[(int)phase] += elapsed;
        _phaseCounts[(int)phase]++;
    }
}

/// <param name="RecordSaves">Each group's recording in milliseconds, in order: shows whether it costs more as a run goes on.</param>
internal sealed record PhaseSnapshot(
    IReadOnlyDictionary<Phase, (double Ms, int Count)> Phases,
    IReadOnlyDictionary<Detail, double> DetailMs,
    IReadOnlyList<double> RecordSaves,
    IReadOnlyList<DispatchRun> Runs)
{
    public double TotalMs => Phases.Values.Sum(p => p.Ms);
}
