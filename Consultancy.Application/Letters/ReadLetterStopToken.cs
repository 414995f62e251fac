using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Application.Letters;

/// <summary>What the confirmation page shows before the referee stops the follow-ups.</summary>
public sealed record ReadLetterStopToken(string Token) : IRequest<FollowUpStop>;

internal sealed class ReadLetterStopTokenHandler(IAppDbContext db, ILetterLinks links) : IRequestHandler<ReadLetterStopToken, FollowUpStop>
{
    public async Task<FollowUpStop> Handle(ReadLetterStopToken request, CancellationToken ct) =>
        await db.LetterForStopTokenAsync(links, request.Token, ct) is { } letter
            ? new FollowUpStop($"{letter.Client!.FirstName} {letter.Client.LastName}", letter.FollowUpsStopped)
            : new FollowUpStop(null, false);
}
