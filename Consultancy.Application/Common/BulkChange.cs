namespace Consultancy.Application.Common;

/// <summary>
/// What one action on a ticked selection did: how many records changed, and how many were left as they were, by
/// reason ("already declined", "not found"), in the order the reasons first came up.
/// </summary>
public sealed record BulkChange(int Changed, IReadOnlyList<BulkSkip> Skipped)
{
    /// <summary>The reason a selected id names no record the caller may see: deleted, or another consultant's, which it must not tell apart.</summary>
    public const string NotFound = "not found";

    public int SkippedCount => Skipped.Sum(s => s.Count);

    public static BulkChange Of(int changed, IEnumerable<string> skipReasons) =>
        new(changed, skipReasons.GroupBy(reason => reason).Select(group => new BulkSkip(group.Key, group.Count())).ToList());
}

public sealed record BulkSkip(string Reason, int Count);
