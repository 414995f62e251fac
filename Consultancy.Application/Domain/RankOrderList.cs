using System.Globalization;
using Consultancy.Application.Common.Exceptions;

namespace Consultancy.Application.Domain;

/// <summary>
/// A client's rank order list for one season: the programs they interviewed at, in true preference order. Every change
/// is kept as a numbered revision (who, when, what moved), so the list can be compared with any earlier one; certifying
/// records which revision went to the NRMP or CaRMS.
/// </summary>
public sealed class RankOrderList : IAudited
{
    public int Id { get; private set; }
    public int ClientId { get; private set; }
    int? IClientOwned.ClientId => ClientId;
    public Client? Client { get; private set; }
    public string Season { get; private set; } = "";

    public int? CertifiedRevision { get; private set; }
    public DateTime? CertifiedAt { get; private set; }
    [NotAudited]
    public string? CertifiedById { get; private set; }
    public UserProfile? CertifiedBy { get; private set; }

    public List<RankListRevision> Revisions { get; private set; } = [];

    private RankOrderList() { }

    public RankOrderList(Client client, string season)
    {
        Client = client;
        ClientId = client.Id;
        Season = season;
    }

    public RankListRevision? Current => Revisions.MaxBy(r => r.Number);

    /// <summary>The applications in rank order, as the latest revision holds them.</summary>
    public IReadOnlyList<int> Order => Current?.Order ?? [];

    public bool IsCertified => CertifiedRevision is not null && CertifiedRevision == Current?.Number;

    /// <summary>
    /// Saves <paramref name="order"/> as a new revision, described by what moved; nothing when it is the current order.
    /// </summary>
    public RankListRevision? Reorder(IReadOnlyList<int> order, IReadOnlyDictionary<int, string> names, string? byUserId, DateTime now)
    {
        if (order.Distinct().Count() != order.Count) throw new BusinessRuleException("A program can be ranked only once.");
        var before = Order;
        if (before.SequenceEqual(order)) return null;
        var revision = new RankListRevision(this, (Current?.Number ?? 0) + 1, order, RankListRevision.Describe(before, order, names), byUserId, now);
        Revisions.Add(revision);
        return revision;
    }

    /// <summary>
    /// The order after positions were typed in: a program whose typed position differs from its place goes to that
    /// position (within the list; when two ask for one place, the second takes the next free one), and the others keep
    /// their order in the places left. So one program typed to 2 is moved to 2, and a whole order typed in is that order.
    /// </summary>
    public static List<int> WithTypedPositions(IReadOnlyList<int> order, IReadOnlyDictionary<int, int> typed)
    {
        var places = new int?[order.Count];
        var moved = order.Select((id, index) => (Id: id, Index: index, At: typed.TryGetValue(id, out var at) ? Math.Clamp(at, 1, order.Count) - 1 : index))
            .Where(e => e.At != e.Index).OrderBy(e => e.At).ThenBy(e => e.Index).ToList();
        foreach (var (id, _, at) in moved)
        {
            var free = Enumerable.Range(at, order.Count - at).Concat(Enumerable.Range(0, at).Reverse()).First(place => places[place] is null);
            places[free] = id;
        }
        var movedIds = moved.Select(e => e.Id).ToHashSet();
        var rest = new Queue<int>(order.Where(id => !movedIds.Contains(id)));
        return places.Select(place => place ?? rest.Dequeue()).ToList();
    }

    /// <summary>Records that the current order was certified in the matching system.</summary>
    public void Certify(string? byUserId, DateTime now)
    {
        if (Current is not { } current || current.Order.Count == 0)
            throw new BusinessRuleException("Rank at least one program before certifying the list.");
        CertifiedRevision = current.Number;
        CertifiedAt = now;
        CertifiedById = byUserId;
    }

    /// <summary>Nothing in the list names the applicant; it stays for the counts.</summary>
    public AfterErasure ErasePersonalData(ClientErasure erasure) => AfterErasure.Keep;
}

/// <summary>One saved order of a rank order list.</summary>
public sealed class RankListRevision : IAudited
{
    public int Id { get; private set; }
    public int RankListId { get; private set; }
    public int ClientId { get; private set; }
    int? IClientOwned.ClientId => ClientId;
    public Client? Client { get; private set; }
    public int Number { get; private set; }
    /// <summary>The ranked applications' ids, first choice first, comma-separated.</summary>
    public string Ranking { get; private set; } = "";
    /// <summary>What changed from the revision before, e.g. "Mercy IM moved from 5 to 1".</summary>
    public string Change { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public string? ById { get; private set; }
    public UserProfile? By { get; private set; }

    private RankListRevision() { }

    internal RankListRevision(RankOrderList list, int number, IReadOnlyList<int> order, string change, string? byId, DateTime now)
    {
        RankListId = list.Id;
        ClientId = list.ClientId;
        Number = number;
        Ranking = string.Join(",", order.Select(id => id.ToString(CultureInfo.InvariantCulture)));
        Change = change;
        ById = byId;
        CreatedAt = now;
    }

    public IReadOnlyList<int> Order =>
        Ranking.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(id => int.Parse(id, CultureInfo.InvariantCulture)).ToList();

    public AfterErasure ErasePersonalData(ClientErasure erasure) => AfterErasure.Keep;

    public void DescribeForTimeline(AuditAction action, List<AuditFieldChange> changes)
    {
        if (action == AuditAction.Created) changes.Add(AuditFieldChange.Of(nameof(Change), Change));
    }

    /// <summary>Says what moved between two orders: programs added, removed, and moved (by their new position).</summary>
    public static string Describe(IReadOnlyList<int> before, IReadOnlyList<int> after, IReadOnlyDictionary<int, string> names)
    {
        string Name(int id) => names.TryGetValue(id, out var name) ? name : $"application #{id}";
        var parts = new List<string>();
        var added = after.Except(before).ToList();
        var removed = before.Except(after).ToList();
        if (added.Count > 0) parts.Add("added " + string.Join(", ", added.Select(id => $"{Name(id)} at {Position(after, id)}")));
        if (removed.Count > 0) parts.Add("removed " + string.Join(", ", removed.Select(Name)));
        // Among the programs in both, those whose relative order changed; a program that only shifted because another
        // was added, removed or moved past it is not named.
        var keptBefore = before.Where(after.Contains).ToList();
        var keptAfter = after.Where(before.Contains).ToList();
        var moved = MovedByHand(keptBefore, keptAfter);
        if (moved.Count > 0)
            parts.Add(string.Join(", ", moved.Select(id => $"{Name(id)} moved from {Position(before, id)} to {Position(after, id)}")));
        return parts.Count == 0 ? "no change" : string.Join("; ", parts);
    }

    private static int Position(IReadOnlyList<int> order, int id) => order.ToList().IndexOf(id) + 1;

    /// <summary>The fewest programs that, taken out and put back, turn one order into the other: those not in a longest common subsequence.</summary>
    private static List<int> MovedByHand(List<int> before, List<int> after)
    {
        var n = before.Count;
        var lengths = new int[n + 1, n + 1];
        for (var i = n - 1; i >= 0; i--)
            for (var j = n - 1; j >= 0; j--)
                lengths[i, j] = before[i] == after[j] ? lengths[i + 1, j + 1] + 1 : Math.Max(lengths[i + 1, j], lengths[i, j + 1]);
        var stayed = new HashSet<int>();
        for (int i = 0, j = 0; i < n && j < n;)
        {
            if (before[i] == after[j]) { stayed.Add(before[i]); i++; j++; }
            else if (lengths[i + 1, j] >= lengths[i, j + 1]) i++;
            else j++;
        }
        return after.Where(id => !stayed.Contains(id)).ToList();
    }
}
