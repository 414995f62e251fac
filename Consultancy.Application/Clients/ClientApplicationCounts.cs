using System.Linq.Expressions;
using Consultancy.Application.Domain;

namespace Consultancy.Application.Clients;

/// <summary>
/// The client list's application columns: a client's applications in the client's own season (every season when the
/// client has none), counted as <see cref="ApplicationCounts"/> says. Each is a correlated count the database runs for
/// the clients a page shows, or, when the list is filtered or sorted by invites, for each client the filters select.
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

    public static Expression<Func<Client, bool>> FewerInvitesThan(int invites)
    {
        // A captured value, so the database sees a parameter and one query plan serves every number.
        var bound = new Bound(invites);
        return Expression.Lambda<Func<Client, bool>>(
            Expression.LessThan(Invites.Body, Expression.Property(Expression.Constant(bound), nameof(Bound.Value))),
            Invites.Parameters);
    }

    private sealed record Bound(int Value);
}
