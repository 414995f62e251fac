using System.Collections.Concurrent;

namespace Consultancy.Application.Clients;

/// <summary>
/// The client list's totals, kept for a while (a minute by default) per caseload and filter, so paging through a
/// list counts it once.
/// Counting is the costly part of a list page: an exact total reads an index entry for every matching client
/// (tens of thousands for an unfiltered list), where a page reads twenty-five. A total is dropped the moment
/// any client is saved through this process, so the pager never shows a count older than the last change
/// made here; the lifetime bounds how long a change made elsewhere (another app instance, a script) can go
/// unseen. A zero lifetime counts on every request.
/// </summary>
public sealed class ClientListTotals(TimeProvider clock, TimeSpan lifetime)
{
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromMinutes(1);

    /// <summary>Caseloads times filters stays small in use; past this many the whole store starts afresh.</summary>
    private const int MaximumEntries = 10_000;

    private readonly ConcurrentDictionary<ClientListTotalKey, Entry> _totals = new();
    private long _generation;

    public async Task<int> GetOrCountAsync(ClientListTotalKey key, Func<Task<int>> count)
    {
        // Read before counting: a change saved while counting moves the generation on, and the count stored
        // under the old one is never read.
        var generation = Interlocked.Read(ref _generation);
        var now = clock.GetUtcNow();
        if (_totals.TryGetValue(key, out var cached) && cached.Generation == generation && cached.CountedAt + lifetime > now)
            return cached.Total;

        var total = await count();
        if (_totals.Count >= MaximumEntries) _totals.Clear();
        _totals[key] = new Entry(total, generation, now);
        return total;
    }

    /// <summary>Called once clients are saved (after the commit, when there is a transaction).</summary>
    public void ClientsChanged() => Interlocked.Increment(ref _generation);

    private sealed record Entry(int Total, long Generation, DateTimeOffset CountedAt);
}

/// <summary>
/// Whose caseload (null: everyone's) and which normalised filters a total counts; <see cref="For"/> drops sort and
/// page, which do not change it.
/// </summary>
public sealed record ClientListTotalKey(string? CaseloadOf, GetClientList Filters)
{
    public static ClientListTotalKey For(string? caseloadOf, GetClientList filters) =>
        new(caseloadOf, filters with { Sort = default, Page = 1, PageSize = Common.Paging.Paging.DefaultPageSize });
}
