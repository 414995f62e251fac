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

        mime.Body = message.Calendar is { } invite
            ? WithInvite(message, invite)
            : new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody }.ToMessageBody();
        return mime;
    }

    /// <summary>
    /// multipart/mixed: the text, HTML and text/calendar alternatives (calendar clients read the last one and
    /// show Accept buttons), then the same invite as an invite.ics attachment for everyone else.
    /// </summary>
    private static MimeEntity WithInvite(EmailMessage message, CalendarInvite invite)
    {
        var alternatives = new MultipartAlternative { new TextPart("plain") { Text = message.TextBody } };
        if (message.HtmlBody is not null) alternatives.Add(new TextPart("html") { Text = message.HtmlBody });
        var calendar = new TextPart("calendar") { Text = invite.Content };
        calendar.ContentType.Parameters.Add("method", invite.Method);
        calendar.ContentType.Charset = "utf-8";
        alternatives.Add(calendar);

        var attachment = new MimePart("application", "ics")
        {
            Content = new MimeContent(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(invite.Content))),
            ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
            ContentTransferEncoding = ContentEncoding.Base64,
            FileName = "invite.ics",
        };
        return new Multipart("mixed") { alternatives, attachment };
    }
}
