using System.ComponentModel.DataAnnotations;
using System.Reflection;
using FluentValidation;

namespace Consultancy.Application.Common;

/// <summary>
/// What characters typed text may hold. A single-line field (a name, an address, a title, an email subject) ends up
/// in email headers, CSV cells, calendar invites and one-line page elements, where a line break starts a new header
/// or splits one value in two, and other control characters hide or garble text; so it holds no control character
/// at all, and no Unicode line or paragraph separator. A multi-line field (a note, a message) keeps its line breaks
/// and tabs but refuses the other control characters, which no keyboard types.
/// </summary>
/// <remarks>
/// "Control character" is Unicode's category Cc: U+0000–U+001F, U+007F and U+0080–U+009F (which has NEL, another
/// line break). Bidirectional formatting characters (category Cf) are allowed: right-to-left names may need them.
/// </remarks>
public static class TextRules
{
    public static bool IsSingleLineText(IEnumerable<char>? text) =>
        text is null || !text.Any(c => char.IsControl(c) || c is '\u2028' or '\u2029');

    public static string SingleLineMessage(string field) => $"“{field}” must be on one line, without control characters.";

    /// <remarks>Generic in the text's type only so that a rule chained after it still sees a non-nullable string as one.</remarks>
    public static IRuleBuilderOptions<T, TText> SingleLine<T, TText>(this IRuleBuilder<T, TText> rule) where TText : IEnumerable<char>? =>
        rule.Must((_, text, context) => IsSingleLineText(text) || Refused(context, SingleLineMessage))
            .WithMessage("{Refusal}");

    public static IRuleBuilderOptions<T, TText> NoControlCharacters<T, TText>(this IRuleBuilder<T, TText> rule) where TText : IEnumerable<char>? =>
        rule.Must((_, text, context) => IsMultiLineText(text) || Refused(context, NoControlCharactersMessage))
            .WithMessage("{Refusal}");

    private static bool IsMultiLineText(IEnumerable<char>? text) =>
        text is null || !text.Any(c => char.IsControl(c) && c is not ('\r' or '\n' or '\t'));

    private static string NoControlCharactersMessage(string field) =>
        $"“{field}” cannot contain control characters; line breaks and tabs are fine.";

    /// <summary>Words the message with the field's label on the form (and the column of the import file), not its code name.</summary>
    private static bool Refused<T>(ValidationContext<T> context, Func<string, string> message)
    {
        var label = typeof(T).GetProperty(context.PropertyPath)?.GetCustomAttribute<DisplayAttribute>()?.GetName() ?? context.DisplayName;
        context.MessageFormatter.AppendArgument("Refusal", message(label));
        return false;
    }
}
