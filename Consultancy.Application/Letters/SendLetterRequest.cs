using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using MediatR;

namespace Consultancy.Application.Letters;

/// <summary>
/// Emails the referee the request (from the admins' template, Reply-To the consultant, with their personal
/// link) through the outbox, and plans the follow-ups. Sending again resends the request and restarts the
/// follow-up clock, within the same cap.
/// </summary>
public sealed record SendLetterRequest(int LetterId) : IRequest<int>;

/// <returns>The client the letter belongs to.</returns>
internal sealed class SendLetterRequestHandler(IAppDbContext db, LetterFollowUpPlanner followUps, TimeProvider clock)
    : IRequestHandler<SendLetterRequest, int>
{
    public async Task<int> Handle(SendLetterRequest request, CancellationToken ct)
    {
        var letter = await db.LetterRequests.GetAsync(request.LetterId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        letter.MarkRequested(now);
        var template = await db.LetterRequestTemplates.CurrentAsync(ct);
        db.OutboxMessages.Add(OutboxMessage.RefereeRequest(letter, letter.RequestsSent, template, now));
        await followUps.ReplanAsync(letter, ct);
        await db.SaveChangesAsync(ct);
        return letter.ClientId;
    }
}
