using Consultancy.Application.Common.Exceptions;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Application.Outbox;

/// <summary>Retries a failed (or cancelled) message now, or cancels a pending one.</summary>
public sealed record ChangeOutboxMessage(long Id, bool Retry) : IRequest<Unit>;

internal sealed class ChangeOutboxMessageHandler(IAppDbContext db, TimeProvider clock) : IRequestHandler<ChangeOutboxMessage, Unit>
{
    public async Task<Unit> Handle(ChangeOutboxMessage request, CancellationToken ct)
    {
        var message = await db.OutboxMessages.SingleOrDefaultAsync(m => m.Id == request.Id, ct)
            ?? throw new NotFoundException("Outbox message", request.Id);
        var now = clock.GetUtcNow().UtcDateTime;
        if (message.LockedUntil > now)
            throw new ValidationException("", "This message is being sent right now; try again in a moment.");

        if (request.Retry)
        {
            if (!message.CanRetry)
                throw new ValidationException("", "Only failed messages, or ones cancelled by hand, can be retried.");
            message.Retry(now);
        }
        else
        {
            if (message.Status != OutboxStatus.Pending)
                throw new ValidationException("", "Only pending messages can be cancelled.");
            message.CancelByHand();
        }
        await db.SaveChangesAsync(ct);
        return Unit.Value;
    }
}
