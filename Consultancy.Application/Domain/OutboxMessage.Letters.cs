namespace Consultancy.Application.Domain;

/// <summary>The outbox rows of letters of recommendation: requests and follow-ups to referees, notices to consultants.</summary>
public sealed partial class OutboxMessage
{
    public int? LetterRequestId { get; private set; }
    public LetterRequest? LetterRequest { get; private set; }

    /// <summary>
    /// The n-th request email to the referee (a resend is a new message). It keeps the template's wording as it
    /// was when sent; the placeholders are filled from the letter at send time.
    /// </summary>
    public static OutboxMessage RefereeRequest(LetterRequest letter, int requestNumber, LetterRequestTemplate template, DateTime now)
    {
        var message = ForLetter(OutboxKind.LetterRequest, $"letter:{letter.Id}:request:{requestNumber}", letter, letter.RefereeEmail, now, now);
        message.Subject = template.Subject;
        message.TextBody = template.Body;
        return message;
    }

    /// <summary>Follow-up <paramref name="number"/> (1-based) to a referee who has not answered, rendered and re-checked at send time.</summary>
    public static OutboxMessage RefereeFollowUp(LetterRequest letter, int number, DateTime dueAt, DateTime now) =>
        ForLetter(OutboxKind.LetterFollowUp, FollowUpKey(letter.Id, number), letter, letter.RefereeEmail, dueAt, now);

    /// <summary>Tells the consultant what the referee did; fixed content, since it reports a moment.</summary>
    public static OutboxMessage ConsultantNotice(LetterRequest letter, string recipient, string subject, string textBody, DateTime now)
    {
        var message = ForLetter(OutboxKind.LetterNotice, $"letter:{letter.Id}:notice:{letter.Status}:{now.Ticks}", letter, recipient, now, now);
        message.Subject = subject;
        message.TextBody = textBody;
        return message;
    }

    public static string FollowUpKey(int letterId, int number) => $"letter:{letterId}:followup:{number}";

    /// <summary>The number a follow-up's key names, e.g. 2 for "letter:5:followup:2".</summary>
    public int? FollowUpNumber =>
        Kind == OutboxKind.LetterFollowUp && int.TryParse(DedupKey.Split(':')[^1], out var number) ? number : null;

    private static OutboxMessage ForLetter(OutboxKind kind, string key, LetterRequest letter, string recipient, DateTime dueAt, DateTime now) => new()
    {
        Kind = kind,
        DedupKey = key,
        ClientId = letter.ClientId,
        LetterRequest = letter,
        LetterRequestId = letter.Id,
        Recipient = recipient,
        DueAt = dueAt,
        CreatedAt = now,
    };
}
