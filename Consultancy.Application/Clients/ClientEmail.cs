using Consultancy.Application.Common.Interfaces;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Application.Clients;

internal static class ClientEmail
{
    public const string TakenMessage = "Another client already uses this email address.";

    /// <summary>
    /// Emails are unique across the whole consultancy, so the check looks past the caseload rule;
    /// it answers only yes or no and reveals nothing else about the other client.
    /// </summary>
    public static Task<bool> IsTakenAsync(this IAppDbContext db, string email, int? exceptClientId, CancellationToken ct)
    {
        var normalised = email.Trim().ToLowerInvariant();
        return db.Clients.IgnoreQueryFilters().AnyAsync(c => c.Email == normalised && c.Id != exceptClientId, ct);
    }
}
