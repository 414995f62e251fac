using System.Collections.Concurrent;

namespace Consultancy.Benchmarks.Soak;

/// <summary>What the virtual users did: every request's time by kind, every wrong answer, every reminder they planned.</summary>
internal sealed class SoakTally
{
    private const int ErrorsKept = 50;
    private readonly ConcurrentDictionary<string, ConcurrentBag<double>> _milliseconds = new();
    private readonly ConcurrentDictionary<string, int> _errorsByKind = new();
    private readonly ConcurrentQueue<string> _errors = new();
    private readonly ConcurrentBag<DateTime> _remindersDue = [];
    private int _errorCount;
    private int _applicants;
    private int _letterRequests;

    public int ErrorCount => Volatile.Read(ref _errorCount);
    public IReadOnlyCollection<string> FirstErrors => _errors;
    public IReadOnlyCollection<DateTime> RemindersDue => _remindersDue;

    public int LetterRequests => Volatile.Read(ref _letterRequests);

    public int NextApplicantNumber() => Interlocked.Increment(ref _applicants);

    public void LetterRequested() => Interlocked.Increment(ref _letterRequests);

    public void Record(string kind, TimeSpan elapsed, string? error)
    {
        _milliseconds.GetOrAdd(kind, _ => []).Add(elapsed.TotalMilliseconds);
        if (error is null) return;
        _errorsByKind.AddOrUpdate(kind, 1, (_, n) => n + 1);
        if (Interlocked.Increment(ref _errorCount) <= ErrorsKept) _errors.Enqueue(error);
    }

    public void ReminderPlanned(DateTime dueUtc) => _remindersDue.Add(dueUtc);

    public IEnumerable<(string Kind, int Count, int Errors, double P50, double P99)> ByKind() =>
        _milliseconds.OrderBy(k => k.Key).Select(k =>
        {
            var sorted = k.Value.Order().ToArray();
            return (k.Key, sorted.Length, _errorsByKind.GetValueOrDefault(k.Key), Percentile(sorted, 0.50), Percentile(sorted, 0.99));
        });

    public int RequestCount => _milliseconds.Values.Sum(v => v.Count);

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
