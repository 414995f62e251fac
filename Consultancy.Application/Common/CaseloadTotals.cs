using System.Collections.Concurrent;

namespace Consultancy.Application.Common;

/// <summary>
/// Totals over a caseload (a client list's count, the dashboard's and the board's figures), kept for a while (a
/// minute by default) per caseload and question, so that paging through a list or reopening the dashboard counts
/// once. Counting is the costly part of these pages: an exact total reads an index entry for every matching row
/// (tens of thousands of clients, hundreds of thousands of deadlines), where a page shows a few dozen. Every kept
/// total is dropped the moment a client, deadline, call, letter or application is saved through this process, so a
/// figure is never older than the last such change made here; the lifetime bounds how long a change made elsewhere (another
/// app instance, a script, or simply time passing: a deadline becoming overdue, an email being sent) can go
/// unseen. A zero lifetime counts on every request.
/// </summary>
public sealed class CaseloadTotals(TimeProvider clock, TimeSpan lifetime)
{
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromMinutes(1);

    /// <summary>Caseloads times questions stays small in use; past this many the whole store starts afresh.</summary>
    private const int MaximumEntries = 10_000;

    private readonly ConcurrentDictionary<object, Entry> _totals = new();
    private long _generation;

    /// <param name="key">A record naming whose caseload and which question: equal keys share a total.</param>
    public async Task<T> GetOrCountAsync<T>(object key, Func<Task<T>> count) where T : notnull
    {
        // Read before counting: a change saved while counting moves the generation on, and the count stored
        // under the old one is never read.
        var generation = Interlocked.Read(ref _generation);
        var now = clock.GetUtcNow();
        if (_totals.TryGetValue(key, out var cached) && cached.Generation == generation && cached.CountedAt + lifetime > now)
            return (T)cached.Total;

        var total = await count();
        if (_totals.Count >= MaximumEntries) _totals.Clear();
        _totals[key] = new Entry(total, generation, now);
        return total;
    }

    /// <summary>Called once clients, deadlines, calls, letters or applications are saved (after the commit, when there is a transaction).</summary>
    public void CaseloadChanged() => Interlocked.Increment(ref _generation);

    private sealed record Entry(object Total, long Generation, DateTimeOffset CountedAt);
}
