namespace Consultancy.Application.Domain;

/// <summary>Tags are stored as one normalised, comma-separated string so a filter is a single LIKE.</summary>
public static class Tags
{
    public static string Normalise(string? input) =>
        string.Join(',', Split(input));

    public static IReadOnlyList<string> Split(string? stored) =>
        (stored ?? "")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(t => t.ToLowerInvariant())
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
}
