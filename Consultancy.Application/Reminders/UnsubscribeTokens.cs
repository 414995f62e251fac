using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Application.Reminders;

internal static class UnsubscribeTokens
{
    public static async Task<Client?> ClientForTokenAsync(this IAppDbContext db, IReminderLinks links, string? token, CancellationToken ct) =>
        links.ClientFromUnsubscribeToken(token) is { } clientId
            ? await db.Clients.IgnoreQueryFilters().SingleOrDefaultAsync(c => c.Id == clientId, ct)
            : null;
}
