namespace Consultancy.Benchmarks.Reminders;

/// <summary>
/// The system clock moved by an offset the benchmark chooses: "now" can be put just before reminders fall
/// due, and from there time passes in real seconds, so lateness is measured against real elapsed time.
/// </summary>
internal sealed class BenchmarkClock : TimeProvider
{
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));

    public void MoveTo(DateTime utcNow) =>
        Interlocked.Exchange(ref _offsetTicks, (utcNow - base.GetUtcNow().UtcDateTime).Ticks);
}
