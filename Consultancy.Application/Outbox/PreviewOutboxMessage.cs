using Consultancy.Application.Common.Exceptions;
using Consultancy.Application.Common.Interfaces;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Application.Outbox;

/// <summary>An outbox message and the email it makes (a reminder is rendered as it would be sent now).</summary>
public sealed record PreviewOutboxMessage(long Id) : IRequest<OutboxPreview>;

public sealed record OutboxPreview(OutboxListItem Message, string? MessageId, EmailMessage? Email);

internal sealed class PreviewOutboxMessageHandler(IAppDbContext db, EmailKinds kinds)
    : IRequestHandler<PreviewOutboxMessage, OutboxPreview>
{
    public async Task<OutboxPreview> Handle(PreviewOutboxMessage request, CancellationToken ct)
    {
        var message = await kinds.Including(db.OutboxMessages.AsNoTracking().Include(m => m.Client).Include(m => m.Deadline))
            .SingleOrDefaultAsync(m => m.Id == request.Id, ct)
            ?? throw new NotFoundException("Outbox message", request.Id);

        var email = kinds[message.Kind].Preview(message);
        var item = new OutboxListItem(message.Id, message.Kind, message.Status, message.Recipient, message.ClientId,
            message.Client?.FullName, message.Deadline?.Title, message.DueAt, message.SentAt, message.Attempts, message.LastError, message.CancelReason,
            message.Client is { } client && message.Recipient == client.Email ? client.TimeZoneId : null);
        return new OutboxPreview(item, message.MessageId, email);
    }
}
