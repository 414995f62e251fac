namespace Consultancy.Application.Domain;

public enum OutboxKind
{
    Reminder = 0,
    Invitation = 1,
    Account = 2,
    [System.ComponentModel.DataAnnotations.Display(Name = "Call invite")] CallInvite = 3,
    [System.ComponentModel.DataAnnotations.Display(Name = "Call notice")] CallNotice = 4,
    [System.ComponentModel.DataAnnotations.Display(Name = "Call reminder")] CallReminder = 5,
    // Letters of recommendation; numbered apart so other kinds can be added without renumbering.
    [System.ComponentModel.DataAnnotations.Display(Name = "Letter request")] LetterRequest = 10,
    [System.ComponentModel.DataAnnotations.Display(Name = "Letter follow-up")] LetterFollowUp = 11,
    [System.ComponentModel.DataAnnotations.Display(Name = "Letter notice")] LetterNotice = 12,
    [System.ComponentModel.DataAnnotations.Display(Name = "Daily digest")] Digest = 20,
}

public enum OutboxStatus
{
    Pending = 0,
    Sent = 1,
    Failed = 2,
    Cancelled = 3,
}

/// <summary>
/// One email the app will send, written in the same transaction as the change that caused it. The
/// dispatcher claims due rows with a lease, sends them, and records the outcome; <see cref="DedupKey"/>
/// makes planning the same message twice impossible.
/// </summary>
public sealed partial class OutboxMessage : IClientOwned
{
    public long Id { get; private set; }
    public OutboxKind Kind { get; private set; }
    public string DedupKey { get; private set; } = "";
    public int? ClientId { get; private set; }
    public Client? Client { get; private set; }
    public int? DeadlineId { get; set; }
    public Deadline? Deadline { get; private set; }
    /// <summary>The strategy call a call email is about; it is rendered from the call as it is at send time.</summary>
    public int? StrategyCallId { get; private set; }
    public StrategyCall? StrategyCall { get; private set; }

    public string Recipient { get; set; } = "";
    /// <summary>Fixed content (invitations, account mail); reminders are rendered from current data at send time.</summary>
    public string? Subject { get; private set; }
    public string? TextBody { get; private set; }
    public string? HtmlBody { get; private set; }

    public OutboxStatus Status { get; set; }
    public DateTime DueAt { get; set; }
    public int Attempts { get; set; }
    public Guid? LockToken { get; set; }
    public DateTime? LockedUntil { get; set; }
    public DateTime? SentAt { get; set; }
    public string? MessageId { get; set; }
    public string? LastError { get; set; }
    public string? CancelReason { get; set; }

    /// <summary>Someone cancelled it on purpose: re-planning never brings it back, only an explicit retry.</summary>
    public bool CancelledByHand { get; private set; }
    public DateTime CreatedAt { get; private set; }

    private OutboxMessage() { }

    public static OutboxMessage Reminder(Deadline deadline, ReminderOffset offset, string recipient, DateTime dueAt, DateTime now) => new()
    {
        Kind = OutboxKind.Reminder,
        DedupKey = ReminderKey(deadline.Id, offset),
        ClientId = deadline.ClientId,
        Deadline = deadline,
        DeadlineId = deadline.Id,
        Recipient = recipient,
        DueAt = dueAt,
        CreatedAt = now,
    };

    public static OutboxMessage Fixed(OutboxKind kind, string dedupKey, string recipient, string subject, string textBody, string? htmlBody, DateTime now) => new()
    {
        Kind = kind,
        DedupKey = dedupKey,
        Recipient = recipient,
        Subject = subject,
        TextBody = textBody,
        HtmlBody = htmlBody,
        DueAt = now,
        CreatedAt = now,
    };

    public static OutboxMessage AboutCall(OutboxKind kind, string dedupKey, StrategyCall call, int? clientId, string recipient, DateTime dueAt, DateTime now) => new()
    {
        Kind = kind,
        DedupKey = dedupKey,
        ClientId = clientId,
        StrategyCall = call,
        StrategyCallId = call.Id,
        Recipient = recipient,
        DueAt = dueAt,
        CreatedAt = now,
    };

    /// <summary>A consultant's digest for one day in their own zone: the key makes it one per day, whoever writes it.</summary>
    public static string DigestKey(string userId, DateOnly localDate) =>
        $"digest:{userId}:{localDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}";

    public static string ReminderKey(int deadlineId, ReminderOffset offset) => $"deadline:{deadlineId}:before:{offset.Key}";

    /// <summary>The offset a reminder's key names, e.g. 7 days for "deadline:12:before:7d", 24 hours for "…:24h".</summary>
    public ReminderOffset? ReminderOffset =>
        Kind == OutboxKind.Reminder && Domain.ReminderOffset.TryParseKey(DedupKey.Split(':')[^1], out var offset) ? offset : null;

    public bool IsPending => Status == OutboxStatus.Pending;

    /// <summary>The server accepted it: from now on it is history, never sent or re-planned again.</summary>
    public void MarkSent(DateTime sentAt, string messageId, string recipient)
    {
        Status = OutboxStatus.Sent;
        SentAt = sentAt;
        MessageId = messageId;
        Recipient = recipient;
        LastError = null;
        LockToken = null;
        LockedUntil = null;
    }

    public void CancelBecause(string reason)
    {
        if (Status is OutboxStatus.Sent) return;
        Status = OutboxStatus.Cancelled;
        CancelReason = reason;
        LockToken = null;
        LockedUntil = null;
    }

    /// <summary>
    /// An email about an erased client: a pending one is cancelled, the content and any error text (which can quote
    /// the address) go, and an address of the erased person is replaced. Kind, status and times stay.
    /// </summary>
    public AfterErasure ErasePersonalData(ClientErasure erasure)
    {
        CancelBecause("client erased");
        if (erasure.ErasedAddresses.TryGetValue(Recipient, out var replacement)) Recipient = replacement;
        Subject = null;
        TextBody = null;
        HtmlBody = null;
        LastError = null;
        return AfterErasure.Keep;
    }

    /// <summary>An email about someone else that mentions an erased person (a consultant's digest): only the mentions go.</summary>
    public void Redact(IReadOnlyList<string> mentions, string replacement)
    {
        Subject = Redaction.Apply(Subject, mentions, replacement);
        TextBody = Redaction.Apply(TextBody, mentions, replacement);
        HtmlBody = Redaction.Apply(HtmlBody, mentions, replacement);
        LastError = Redaction.Apply(LastError, mentions, replacement);
        Recipient = Redaction.Apply(Recipient, mentions, replacement)!;
    }

    /// <summary>A person stops this message; planning will not revive it.</summary>
    public void CancelByHand()
    {
        CancelBecause("cancelled by hand");
        CancelledByHand = true;
    }

    /// <summary>Failed, or cancelled by a person: only these can be retried by hand.</summary>
    public bool CanRetry => Status == OutboxStatus.Failed || (Status == OutboxStatus.Cancelled && CancelledByHand);

    /// <summary>A person's retry of a failed or hand-cancelled message: due now.</summary>
    public void Retry(DateTime now)
    {
        CancelledByHand = false;
        Reschedule(now);
    }

    /// <summary>
    /// Back to pending with a new due time (a re-plan, or a retry); never for a sent message. A message coming
    /// back from failed or cancelled starts a fresh series of attempts.
    /// </summary>
    public void Reschedule(DateTime dueAt)
    {
        if (Status is OutboxStatus.Sent) return;
        if (Status is not OutboxStatus.Pending)
        {
            Attempts = 0;
            LastError = null;
        }
        Status = OutboxStatus.Pending;
        DueAt = dueAt;
        CancelReason = null;
    }
}
