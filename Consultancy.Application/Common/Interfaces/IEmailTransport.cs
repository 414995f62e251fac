namespace Consultancy.Application.Common.Interfaces;

/// <summary>An email ready to go. <see cref="MessageKey"/> becomes the Message-ID's local part, so a resend is recognisable.</summary>
public sealed record EmailMessage(
    string To,
    string Subject,
    string TextBody,
    string? HtmlBody = null,
    string? ReplyTo = null,
    string? MessageKey = null,
    IReadOnlyDictionary<string, string>? Headers = null,
    CalendarInvite? Calendar = null);

/// <summary>
/// An iCalendar invite carried by an email: a text/calendar part whose method parameter matches the METHOD
/// inside (REQUEST or CANCEL), plus the same file attached as invite.ics.
/// </summary>
public sealed record CalendarInvite(string Method, string Content);

/// <summary>Where mail leaves the app: an SMTP server, or the pickup folder when none is configured.</summary>
public interface IEmailTransport
{
    /// <summary>Opens one connection; a batch of messages goes through it.</summary>
    Task<IEmailConnection> ConnectAsync(CancellationToken ct);
}

public interface IEmailConnection : IAsyncDisposable
{
    /// <returns>The Message-ID the message went out with.</returns>
    /// <exception cref="EmailDeliveryException">The message was not accepted.</exception>
    Task<string> SendAsync(EmailMessage message, CancellationToken ct);
}

/// <summary>A send that failed. Permanent failures (5xx: bad address, refused content) are not retried.</summary>
public sealed class EmailDeliveryException(string message, bool permanent, Exception? inner = null) : Exception(message, inner)
{
    public bool Permanent { get; } = permanent;
}
