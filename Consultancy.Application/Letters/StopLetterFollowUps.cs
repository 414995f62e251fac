using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Application.Letters;

/// <summary>
/// The referee's one-click "no more follow-ups" for one letter (RFC 8058). The signed token is the authority
/// (no one is signed in), so the lookup goes past the caseload rule for exactly the letter it names. The
/// link never expires, as one-click unsubscribe links must keep working.
/// </summary>
public sealed record StopLetterFollowUps(string Token) : IRequest<FollowUpStop>;

/// <param name="ApplicantName">Null when the link is damaged or its letter was deleted.</param>
public sealed record FollowUpStop(string? ApplicantName, bool AlreadyStopped);

internal sealed class StopLetterFollowUpsHandler(IAppDbContext db, ILetterLinks links, LetterFollowUpPlanner followUps, TimeProvider clock)
    : IRequestHandler<StopLetterFollowUps, FollowUpStop>
{
    public async Task<FollowUpStop> Handle(StopLetterFollowUps request, CancellationToken ct)
    {
        if (await db.LetterForStopTokenAsync(links, request.Token, ct) is not { } letter) return new FollowUpStop(null, false);
        letter.StopFollowUps(clock.GetUtcNow().UtcDateTime);
        await followUps.ReplanAsync(letter, ct);
        await db.SaveChangesAsync(ct);
        return new FollowUpStop($"{letter.Client!.FirstName} {letter.Client.LastName}", true);
    }
}
