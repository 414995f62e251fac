using Consultancy.Application.Common.Interfaces;
using MimeKit;
using MimeKit.Utils;

namespace Consultancy.Infrastructure.Email;

internal static class MimeMessages
{
    public static MimeMessage Create(EmailMessage message, string from, DateTimeOffset now)
    {
        var sender = MailboxAddress.Parse(from);
        var mime = new MimeMessage { Subject = message.Subject, Date = now };
        mime.From.Add(sender);
        mime.To.Add(MailboxAddress.Parse(message.To));
        if (message.ReplyTo is not null) mime.ReplyTo.Add(MailboxAddress.Parse(message.ReplyTo));
        // Derived from the outbox row when there is one, so a resend of the same message is recognisable.
        mime.MessageId = message.MessageKey is { } key ? $"{key}@{sender.Domain}" : MimeUtils.GenerateMessageId(sender.Domain);
        foreach (var (name, value) in message.Headers ?? new Dictionary<string, string>())
            mime.Headers.Add(name, value);

        mime.Body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody }.ToMessageBody();
        return mime;
    }
}
