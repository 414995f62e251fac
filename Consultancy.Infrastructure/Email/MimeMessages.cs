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
        mime.MessageId = MimeUtils.GenerateMessageId(sender.Domain);

        var body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody };
        mime.Body = body.ToMessageBody();
        return mime;
    }
}
