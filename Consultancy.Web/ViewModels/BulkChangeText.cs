using Consultancy.Application.Common;

namespace Consultancy.Web.ViewModels;

/// <summary>What an action on ticked rows did, as the flash message says it.</summary>
public static class BulkChangeText
{
    /// <summary>"2 letters marked uploaded; 1 skipped: already declined." — "3 skipped: 2 already done, 1 not found." for several reasons.</summary>
    /// <param name="noun">What changed, in the singular ("letter", "letter request"); an s makes the plural.</param>
    /// <param name="done">What happened to them ("marked uploaded", "resent").</param>
    public static string Describe(BulkChange change, string noun, string done)
    {
        var text = $"{Count(change.Changed, noun)} {done}";
        if (change.Skipped.Count == 1) text += $"; {change.SkippedCount} skipped: {change.Skipped[0].Reason}";
        else if (change.Skipped.Count > 1) text += $"; {change.SkippedCount} skipped: {string.Join(", ", change.Skipped.Select(s => $"{s.Count} {s.Reason}"))}";
        return text + ".";
    }

    public static string Count(int count, string noun) => $"{count} {noun}{(count == 1 ? "" : "s")}";
}
