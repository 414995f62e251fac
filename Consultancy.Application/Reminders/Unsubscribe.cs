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
