using System.Diagnostics;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Consultancy.Benchmarks.Reminders;

/// <summary>What the dispatcher put into one email, taken from a copy the sink received.</summary>
internal sealed record EmailContent(
    string From, string To, string? ReplyTo, string Subject, string MessageId, IReadOnlyList<(string Name, string Value)> Headers,
    string TextBody, string? HtmlBody)
{
    private static readonly HashSet<string> ExtraHeaders = ["List-Unsubscribe", "List-Unsubscribe-Post"];

    public static EmailContent Of(MimeMessage message) => new(
        message.From.ToString(), message.To.ToString(), message.ReplyTo.Count == 0 ? null : message.ReplyTo.ToString(),
        message.Subject ?? "", message.MessageId ?? throw new InvalidOperationException("The dispatcher sent a message without a Message-ID."),
        [.. message.Headers.Where(h => ExtraHeaders.Contains(h.Field)).Select(h => (h.Field, h.Value))],
        message.TextBody ?? "", message.HtmlBody);

    /// <summary>Builds the message the way any MailKit sender must: addresses parsed, both bodies encoded.</summary>
    public MimeMessage Build(DateTimeOffset now)
    {
        var message = new MimeMessage { Subject = Subject, Date = now, MessageId = MessageId };
        message.From.Add(MailboxAddress.Parse(From));
        message.To.Add(MailboxAddress.Parse(To));
        if (ReplyTo is not null) message.ReplyTo.Add(MailboxAddress.Parse(ReplyTo));
        foreach (var (name, value) in Headers) message.Headers.Add(name, value);
        message.Body = new BodyBuilder { TextBody = TextBody, HtmlBody = HtmlBody }.ToMessageBody();
        return message;
    }
}

/// <summary>The floor the dispatcher is held against: MailKit alone over one connection, no database, no rendering.</summary>
internal sealed class BareMailKitLoop(int port)
{
    /// <summary>Each message built right before it is sent, as the dispatcher does.</summary>
    public Task<TimeSpan> SendBuildingEachAsync(IReadOnlyList<EmailContent> messages, CancellationToken ct) =>
        TimeAsync(async client =>
        {
            foreach (var content in messages) await client.SendAsync(content.Build(DateTimeOffset.UtcNow), ct);
        }, ct);

    /// <summary>Messages already built (parsed from the sink's copies): SMTP and little else.</summary>
    public Task<TimeSpan> SendPrebuiltAsync(IReadOnlyList<MimeMessage> messages, CancellationToken ct) =>
        TimeAsync(async client =>
        {
            foreach (var message in messages) await client.SendAsync(message, ct);
        }, ct);

    private async Task<TimeSpan> TimeAsync(Func<SmtpClient, Task> send, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        using var client = new SmtpClient();
        await client.ConnectAsync("127.0.0.1", port, SecureSocketOptions.None, ct);
        await send(client);
        await client.DisconnectAsync(quit: true, ct);
        return Stopwatch.GetElapsedTime(started);
    }
}
