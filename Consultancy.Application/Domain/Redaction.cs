using System.Text.RegularExpressions;

namespace Consultancy.Application.Domain;

/// <summary>Replaces mentions of an erased person in free text, ignoring case (addresses and names are typed either way).</summary>
public static class Redaction
{
    /// <summary>What an erased value reads as.</summary>
    public const string Erased = "(erased)";

    /// <summary>
    /// Replaces each mention where it stands as a whole word or words: a first name "Ada" goes from "Call Ada's dean"
    /// but "Adams" and "Canada" stay, so text about others keeps its meaning.
    /// </summary>
    public static string? Apply(string? text, IReadOnlyList<string> mentions, string replacement)
    {
        if (string.IsNullOrEmpty(text)) return text;
        foreach (var mention in mentions.Where(m => !string.IsNullOrWhiteSpace(m)))
            text = Regex.Replace(text, $@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(mention.Trim())}(?![\p{{L}}\p{{N}}])", replacement.Replace("$", "$$"),
                RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        return text;
    }
}
