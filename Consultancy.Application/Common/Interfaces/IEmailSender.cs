namespace Consultancy.Application.Common.Interfaces;

public sealed record EmailMessage(string To, string Subject, string TextBody, string? HtmlBody = null, string? ReplyTo = null);

public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken ct);
}
