namespace Consultancy.Application.Domain;

/// <summary>Replaces mentions of an erased person in free text, ignoring case (addresses and names are typed either way).</summary>
public static class Redaction
{
    /// <summary>What an erased value reads as.</summary>
    public const string Erased = "(erased)";

    public static string? Apply(string? text, IReadOnlyList<string> mentions, string replacement)
    {
        if (string.IsNullOrEmpty(text)) return text;
        foreach (var mention in mentions.Where(m => !string.IsNullOrWhiteSpace(m)))
            text = text.Replace(mention, replacement, StringComparison.OrdinalIgnoreCase);
        return text;
    }
}
