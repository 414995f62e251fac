using System.Text.RegularExpressions;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;

namespace Consultancy.Application.Outbox;

/// <summary>
/// One kind of outgoing email: what it is written from, whether a pending message of the kind is still wanted,
/// and how it reads. Every <see cref="OutboxKind"/> has exactly one; they are found by scanning this assembly
/// (<see cref="DependencyInjection"/>) and looked up through <see cref="EmailKinds"/> by the dispatcher and the
/// outbox preview.
/// </summary>
public abstract partial class OutboxEmail
{
    public abstract OutboxKind Kind { get; }

    /// <summary>
    /// The rows the email is written from, loaded with its message: the dispatcher loads a batch of every kind in
    /// one query with what all kinds need.
    /// </summary>
    public virtual IQueryable<OutboxMessage> Including(IQueryable<OutboxMessage> messages) => messages;

    /// <summary>Why this pending message must not go out now (it is cancelled with the reason), or null when it should.</summary>
    /// <param name="message">Loaded with what <see cref="Including"/> asks for.</param>
    public virtual string? WhyNotSend(OutboxMessage message) => null;

    /// <summary>The email as it goes out now; called only when <see cref="WhyNotSend"/> found no reason not to send.</summary>
    public abstract EmailMessage Render(OutboxMessage message);

    /// <summary>
    /// The email as the outbox page shows it, or null when what it is written from is gone. Links in it act for
    /// their recipient (sign in, manage a call, answer for a letter), so they are hidden by default.
    /// </summary>
    public virtual EmailMessage? Preview(OutboxMessage message) => WithoutPersonalLinks(Render(message));

    /// <summary>The entry a send leaves on the client's timeline, if the kind leaves one.</summary>
    /// <param name="recipient">The address the email went to.</param>
    public virtual AuditEntry? TimelineEntry(OutboxMessage message, string recipient, DateTime sentAt) => null;

    protected static EmailMessage WithoutPersonalLinks(EmailMessage email) =>
        email with { TextBody = Links().Replace(email.TextBody, "[personal link hidden]"), HtmlBody = null, Headers = null };

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Links();
}

/// <summary>
/// Mail whose words are written when it is queued (an invitation, account mail, the daily digest): it is always
/// still wanted, and it goes out as it was written.
/// </summary>
public abstract class FixedEmail : OutboxEmail
{
    public sealed override EmailMessage Render(OutboxMessage message) =>
        new(message.Recipient, message.Subject ?? "", message.TextBody ?? "", message.HtmlBody, MessageKey: $"outbox-{message.Id}");
}
