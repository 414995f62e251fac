using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Application.Reminders;

/// <summary>The first name of the client a valid token belongs to, for the confirmation page; null if the link does not work.</summary>
public sealed record ReadUnsubscribeToken(string? Token) : IRequest<string?>;

internal sealed class ReadUnsubscribeTokenHandler(IAppDbContext db, IReminderLinks links) : IRequestHandler<ReadUnsubscribeToken, string?>
{
    public async Task<string?> Handle(ReadUnsubscribeToken request, CancellationToken ct) =>
        (await db.ClientForTokenAsync(links, request.Token, ct))?.FirstName;
}
