using System.Globalization;
using Consultancy.Application.Clients.Import;
using Consultancy.Application.Domain;

namespace Consultancy.Application.Clients;

/// <summary>
/// A client's clinical experience in one CSV cell: entries as <c>kind: place: months</c>, separated by
/// <c> | </c>, e.g. <c>hands-on: Mercy Hospital, Chicago: 2 | observership: Lakeside Clinic: 1</c>.
/// The place may hold colons; the kind is before the first and the months after the last.
/// </summary>
public static class ClinicalExperienceCsv
{
    public const string Header = "Clinical experience";
    public const string Separator = "|";

    private static readonly Dictionary<ClinicalExperienceKind, string> Words = new()
    {
        [ClinicalExperienceKind.Observership] = "observership",
        [ClinicalExperienceKind.Externship] = "externship",
        [ClinicalExperienceKind.HandsOn] = "hands-on",
        [ClinicalExperienceKind.Research] = "research",
    };

    public static string Word(ClinicalExperienceKind kind) => Words[kind];

    public static string Format(IEnumerable<ClinicalExperienceFields> entries) =>
        string.Join($" {Separator} ", entries.Select(e => $"{Word(e.Kind)}: {e.Place}: {e.Months?.ToString(CultureInfo.InvariantCulture)}"));

    /// <summary>The entries of a cell, checked as the client page's form checks them; an empty cell is no experience.</summary>
    public static (List<ClinicalExperienceFields> Entries, List<string> Errors) Parse(string cell)
    {
        var entries = new List<ClinicalExperienceFields>();
        var errors = new List<string>();
        var validator = new ClinicalExperienceFieldsValidator();
        var parts = cell.Split(Separator).Select(p => p.Trim()).Where(p => p.Length > 0).ToList();
        foreach (var (part, number) in parts.Select((p, i) => (p, i + 1)))
        {
            var about = parts.Count == 1 ? Header : $"{Header}, entry {number}";
            var first = part.IndexOf(':', StringComparison.Ordinal);
            var last = part.LastIndexOf(':');
            if (first < 0 || first == last)
            {
                errors.Add($"{about}: write it as kind: place: months, like “hands-on: Mercy Hospital, Chicago: 2”, not “{part}”.");
                continue;
            }
            var word = part[..first].Trim();
            if (KindOf(word) is not { } kind)
            {
                errors.Add($"{about}: the kind is one of {string.Join("; ", Words.Values)}, not “{word}”.");
                continue;
            }
            var monthsText = part[(last + 1)..].Trim();
            if (!int.TryParse(monthsText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var months))
            {
                errors.Add($"{about}: end it with the months as a whole number, not “{monthsText}”.");
                continue;
            }
            var entry = new ClinicalExperienceFields { Kind = kind, Place = part[(first + 1)..last].Trim(), Months = months };
            var problems = validator.Validate(entry).Errors.Select(e => e.ErrorMessage).Distinct().ToList();
            if (problems.Count > 0) errors.AddRange(problems.Select(p => $"{about}: {p}"));
            else entries.Add(entry);
        }
        return (entries, errors);
    }

    /// <summary>The kind a word names: its word here ("hands-on" is the code name spelt with a dash), its name on the pages, or its code name.</summary>
    private static ClinicalExperienceKind? KindOf(string word) =>
        ImportSpellings.TryRead<ClinicalExperienceKind>(word, out var kind) ? kind : null;
}
