using System.Linq.Expressions;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;

namespace Consultancy.Application.Clients;

/// <summary>
/// The client list's application columns: a client's applications in the client's own season (every season when the
/// client has none), counted as <see cref="ApplicationCounts"/> says. A page's columns are correlated counts for the
/// clients it shows. Filtering and sorting by invites ask about every selected client, so they read the invites once,
/// grouped by client, instead of counting client by client: one pass over the applications, whatever the caseload.
/// </summary>
internal static class ClientApplicationCounts
{
    /// <summary>The largest "fewer than" the invites filter takes; larger asks for every client anyway.</summary>
    public const int MostInvitesFiltered = 1_000;

    public static readonly Expression<Func<Client, int>> Applied =
        c => c.Applications.AsQueryable().Where(a => c.Season == null || a.Season == c.Season).Count(ApplicationCounts.Applied);

    public static readonly Expression<Func<Client, int>> Invites =
        c => c.Applications.AsQueryable().Where(a => c.Season == null || a.Season == c.Season).Count(ApplicationCounts.Invite);

    public static readonly Expression<Func<Client, int>> Interviews =
        c => c.Applications.AsQueryable().Where(a => c.Season == null || a.Season == c.Season).Count(ApplicationCounts.Interview);

    /// <summary>Each client's invites in their season; a client without any has no row.</summary>
    private static IQueryable<InvitesOfClient> InvitesByClient(IAppDbContext db) =>
        db.ProgramApplications.Where(ApplicationCounts.Invite)
            .Where(a => a.Client!.Season == null || a.Season == a.Client.Season)
            .GroupBy(a => a.ClientId)
            .Select(g => new InvitesOfClient { ClientId = g.Key, Invites = g.Count() });

    /// <summary>The clients with fewer invites than <paramref name="invites"/>: all but those with that many or more.</summary>
    public static IQueryable<Client> WithFewerInvitesThan(this IQueryable<Client> clients, IAppDbContext db, int invites)
    {
        var enough = InvitesByClient(db).Where(i => i.Invites >= invites).Select(i => i.ClientId);
        return clients.Where(c => !enough.Contains(c.Id));
    }

    /// <summary>The clients by their invites (fewest or most first), then by last name and id; and in exactly the opposite order.</summary>
    public static (IQueryable<Client> Ordered, IQueryable<Client> Reversed) ByInvites(this IQueryable<Client> clients, IAppDbContext db, bool fewestFirst)
    {
        var counted =
            from c in clients
            join i in InvitesByClient(db) on c.Id equals i.ClientId into invited
            from i in invited.DefaultIfEmpty()
            select new { Client = c, Invites = (int?)i!.Invites ?? 0 };
        var fewest = counted.OrderBy(x => x.Invites).ThenBy(x => x.Client.LastName).ThenBy(x => x.Client.Id).Select(x => x.Client);
        var most = counted.OrderByDescending(x => x.Invites).ThenBy(x => x.Client.LastName).ThenBy(x => x.Client.Id).Select(x => x.Client);
        var fewestReversed = counted.OrderByDescending(x => x.Invites).ThenByDescending(x => x.Client.LastName).ThenByDescending(x => x.Client.Id).Select(x => x.Client);
        var mostReversed = counted.OrderBy(x => x.Invites).ThenByDescending(x => x.Client.LastName).ThenByDescending(x => x.Client.Id).Select(x => x.Client);
        return fewestFirst ? (fewest, fewestReversed) : (most, mostReversed);
    }

    /// <remarks>A class with settable members, not a positional record: EF filters and joins on them after the grouping.</remarks>
    private sealed class InvitesOfClient
    {
        public int ClientId { get; init; }
        public int Invites { get; init; }
    }
}
