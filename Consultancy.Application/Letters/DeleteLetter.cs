using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Application.Letters;

/// <summary>Deletes a letter with its deadline; their pending emails are cancelled, sent ones stay in the outbox as a record.</summary>
public sealed record DeleteLetter(int LetterId) : IRequest<int>;

/// <returns>The client the letter belonged to.</returns>
internal sealed class DeleteLetterHandler(IAppDbContext db, LetterFollowUpPlanner followUps) : IRequestHandler<DeleteLetter, int>
{
    public async Task<int> Handle(DeleteLetter request, CancellationToken ct)
    {
        var letter = await db.LetterRequests.GetAsync(request.LetterId, ct);
        await followUps.CancelAllAsync(letter, ct);
        if (letter.Deadline is { } deadline)
        {
            var reminders = await db.OutboxMessages.Where(m => m.DeadlineId == deadline.Id && m.Status != OutboxStatus.Sent).ToListAsync(ct);
            foreach (var reminder in reminders) reminder.CancelBecause("the letter was deleted");
            db.Deadlines.Remove(deadline);
        }
        db.LetterRequests.Remove(letter);
        await db.SaveChangesAsync(ct);
        return letter.ClientId;
    }
}
