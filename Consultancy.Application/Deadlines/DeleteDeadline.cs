using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Application.Deadlines;

public sealed record DeleteDeadline(int DeadlineId) : IRequest<int>;

/// <returns>The client the deadline belonged to.</returns>
internal sealed class DeleteDeadlineHandler(IAppDbContext db) : IRequestHandler<DeleteDeadline, int>
{
    public async Task<int> Handle(DeleteDeadline request, CancellationToken ct)
    {
        var deadline = await db.Deadlines.GetWithClientAsync(request.DeadlineId, ct);
        // Sent reminders stay in the outbox as a record; pending ones lose their reason to exist.
        var reminders = await db.OutboxMessages.Where(m => m.DeadlineId == deadline.Id).ToListAsync(ct);
        foreach (var reminder in reminders.Where(r => r.Status != OutboxStatus.Sent))
            reminder.CancelBecause("the deadline was deleted");
        db.Deadlines.Remove(deadline);
        await db.SaveChangesAsync(ct);
        return deadline.ClientId;
    }
}
