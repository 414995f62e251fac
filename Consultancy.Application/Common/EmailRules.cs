using FluentValidation;

namespace Consultancy.Application.Common;

/// <summary>
/// The one rule for an email address the app writes to (clients, applicants booking a call, referees, staff invited):
/// one @ with something on each side, no space, and a domain with a dot in it. "someone@localhost" or "a@b" has the shape
/// of an address but no mail from outside reaches it, so reminders would fail at send time instead of at the form.
/// </summary>
public static class EmailRules
{
    public const string DomainWithoutDotMessage = "The part after @ needs a dot, like name@example.com: mail cannot reach a domain without one.";

    /// <summary>Refuses what is not an address with <paramref name="message"/>, and a domain without a dot with <see cref="DomainWithoutDotMessage"/>; an empty value is left to the field's own rule.</summary>
    /// <remarks>Generic in the text's type only so that it chains after rules on nullable and non-nullable strings alike.</remarks>
    public static IRuleBuilderOptions<T, TText> MailAddress<T, TText>(this IRuleBuilder<T, TText> rule, string message) where TText : IEnumerable<char>? =>
        rule.Must(text => IsEmpty(text) || HasOneAtBetweenText(Text(text))).WithMessage(message)
            .Must(text => IsEmpty(text) || !HasOneAtBetweenText(Text(text)) || HasDottedDomain(Text(text))).WithMessage(DomainWithoutDotMessage);

    private static bool IsEmpty(IEnumerable<char>? text) => text is null || Text(text).Length == 0;

    private static string Text(IEnumerable<char>? text) => (text as string ?? string.Concat(text ?? "")).Trim();

    private static bool HasOneAtBetweenText(string email)
    {
        var at = email.IndexOf('@');
        return at > 0 && at < email.Length - 1 && at == email.LastIndexOf('@') && !email.Any(char.IsWhiteSpace);
    }

    private static bool HasDottedDomain(string email)
    {
        var domain = email[(email.LastIndexOf('@') + 1)..];
        return domain.Contains('.') && !domain.StartsWith('.') && !domain.EndsWith('.');
    }
}
