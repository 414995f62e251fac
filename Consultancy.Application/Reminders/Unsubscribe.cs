using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Application.Reminders;

/// <summary>
/// The applicant's one-click "stop reminders". The signed token is the authority here (no one is signed
/// in), so the lookup goes past the caseload rule for exactly the client the token names. Answers the
/// client's first name, or null when the link does not work (damaged, blank, forged, or its client deleted).
/// </summary>
public sealed record Unsubscribe(string? Token) : IRequest<string?>;

/// <summary>The first name of the client a valid token belongs to, for the confirmation page; null if the link does not work.</summary>
public sealed record ReadUnsubscribeToken(string? Token) : IRequest<string?>;

internal sealed class ReadUnsubscribeTokenHandler(IAppDbContext db, IReminderLinks links) : IRequestHandler<ReadUnsubscribeToken, string?>
{
    public async Task<string?> Handle(ReadUnsubscribeToken request, CancellationToken ct) =>
        (await db.ClientForTokenAsync(links, request.Token, ct))?.FirstName;
}

internal sealed class UnsubscribeHandler(IAppDbContext db, IReminderLinks links, ReminderPlanner planner, TimeProvider clock)
    : IRequestHandler<Unsubscribe, string?>
{
    public async Task<string?> Handle(Unsubscribe request, CancellationToken ct)
    {
        var client = await db.ClientForTokenAsync(links, request.Token, ct);
        if (client is null) return null;
        client.OptOutOfReminders(clock.GetUtcNow().UtcDateTime);
        await planner.ReplanClientAsync(client, ct);
        await db.SaveChangesAsync(ct);
        return client.FirstName;
    }
}

internal static class UnsubscribeTokens
{
    public static async Task<Client?> ClientForTokenAsync(this IAppDbContext db, IReminderLinks links, string? token, CancellationToken ct) =>
        links.ClientFromUnsubscribeToken(token) is { } clientId
            ? await db.Clients.IgnoreQueryFilters().SingleOrDefaultAsync(c => c.Id == clientId, ct)
            : null;
}
