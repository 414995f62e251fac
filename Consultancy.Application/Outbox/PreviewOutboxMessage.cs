using Consultancy.Application.Common.Exceptions;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using Consultancy.Application.Letters;
using Consultancy.Application.Reminders;
using Consultancy.Application.StrategyCalls;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Application.Outbox;

/// <summary>An outbox message and the email it makes (a reminder is rendered as it would be sent now).</summary>
public sealed record PreviewOutboxMessage(long Id) : IRequest<OutboxPreview>;

public sealed record OutboxPreview(OutboxListItem Message, string? MessageId, EmailMessage? Email);

internal sealed partial class PreviewOutboxMessageHandler(IAppDbContext db, ReminderEmail reminders, CallEmail calls, LetterEmail letters)
    : IRequestHandler<PreviewOutboxMessage, OutboxPreview>
{
    /// <summary>Invitation and password-reset links sign the reader in as their recipient: never shown to anyone else.</summary>
    private static string HideLinks(string text) => Links().Replace(text, "[personal link hidden]");

    /// <summary>
    /// A call email's manage link lets its holder cancel the call, and a referee's link answers for the letter without
    /// sign-in: both are hidden the same way.
    /// </summary>
    private static EmailMessage HideLinks(EmailMessage email) => email with { TextBody = HideLinks(email.TextBody), HtmlBody = null, Headers = null };

    [System.Text.RegularExpressions.GeneratedRegex(@"https?://\S+")]
    private static partial System.Text.RegularExpressions.Regex Links();

    public async Task<OutboxPreview> Handle(PreviewOutboxMessage request, CancellationToken ct)
    {
        var message = await db.OutboxMessages.AsNoTracking()
            .Include(m => m.Deadline).Include(m => m.LetterRequest).Include(m => m.Client).ThenInclude(c => c!.Consultant)
            .Include(m => m.StrategyCall).ThenInclude(c => c!.Client)
            .Include(m => m.StrategyCall).ThenInclude(c => c!.Consultant)
            .SingleOrDefaultAsync(m => m.Id == request.Id, ct)
            ?? throw new NotFoundException("Outbox message", request.Id);

        var email = CallEmail.IsAboutCall(message)
            ? message.StrategyCall is null ? null : HideLinks(calls.Render(message))
            : OutboxMessage.IsAboutLetter(message.Kind)
            ? (message is { LetterRequest: not null, Client: not null } ? HideLinks(letters.Render(message)) : null)
            : message.Kind != OutboxKind.Reminder
            ? new EmailMessage(message.Recipient, message.Subject ?? "", HideLinks(message.TextBody ?? ""))
            : message is { Deadline: not null, Client: not null } ? reminders.Render(message, message.Deadline, message.Client, message.Client.Consultant)
            : null;
        var item = new OutboxListItem(message.Id, message.Kind, message.Status, message.Recipient, message.ClientId,
            message.Client?.FullName, message.Deadline?.Title, message.DueAt, message.SentAt, message.Attempts, message.LastError, message.CancelReason);
        return new OutboxPreview(item, message.MessageId, email);
    }
}
