using System.Text.RegularExpressions;

namespace Consultancy.Application.Domain;

/// <summary>
/// The wording of the request email to referees, edited by admins. Placeholders in braces are filled from the
/// letter when the email is sent; the referee's personal link and the sign-off are always added below it.
/// </summary>
public sealed partial class LetterRequestTemplate
{
    public static readonly IReadOnlyList<string> Placeholders = ["RefereeName", "ApplicantName", "Specialty", "DueDate", "LetterId", "Consultant"];

    public const string DefaultSubject = "Letter of recommendation for {ApplicantName}";

    public const string DefaultBody = """
        Dear {RefereeName},

        Thank you for agreeing to consider a letter of recommendation for {ApplicantName}, who is applying to residency programs in {Specialty}. We are their advisors and help them keep track of their application.

        We would be grateful if the letter could be uploaded by {DueDate}, as a PDF on letterhead, signed and dated. For ERAS (United States), please upload it through the AAMC Letter of Recommendation Portal with the applicant's Letter ID: {LetterId}. For CaRMS (Canada), CaRMS Online sends you its own upload request.

        Please let us know through the link below whether you can write the letter, and tell us once it is uploaded, so that we stop reminding anyone about it. If you have any question, simply reply to this email and it will reach {Consultant}.

        With many thanks for your time and support,
        """;

    public int Id { get; private set; }
    public string Subject { get; set; } = DefaultSubject;
    public string Body { get; set; } = DefaultBody;
    public DateTime UpdatedAt { get; set; }
    public string? UpdatedById { get; set; }

    /// <summary>The placeholder names used in <paramref name="text"/> that the template does not know.</summary>
    public static IReadOnlyList<string> UnknownPlaceholders(string? text) =>
        text is null ? [] : Placeholder().Matches(text).Select(m => m.Groups[1].Value)
            .Where(name => !Placeholders.Contains(name)).Distinct().ToList();

    /// <summary>Replaces every known placeholder; unknown text in braces is left as written.</summary>
    public static string Fill(string text, IReadOnlyDictionary<string, string> values) =>
        Placeholder().Replace(text, m => values.TryGetValue(m.Groups[1].Value, out var value) ? value : m.Value);

    [GeneratedRegex(@"\{([A-Za-z]+)\}")]
    private static partial Regex Placeholder();
}
