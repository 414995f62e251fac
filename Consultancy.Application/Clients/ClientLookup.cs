using Consultancy.Application.Common;
using Consultancy.Application.Domain;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Application.Clients;

internal static class ClientLookup
{
    /// <summary>The client with this id in the caller's caseload; anyone else's client is "not found".</summary>
    public static async Task<Client> GetAsync(this DbSet<Client> clients, int id, CancellationToken ct) =>
        await clients.GetByIdAsync(id, ct);
}
