using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;

namespace Consultancy.Application.Clients;

internal static class Caseload
{
    /// <summary>
    /// The user's caseload as a predicate the database can seek on. The query filter already enforces the
    /// caseload rule, but as "sees everyone OR consultant = me", which SQLite can only test row by row;
    /// repeating a consultant's half on its own lets their list read just their range of the consultant index.
    /// </summary>
    public static IQueryable<Client> InCaseloadOf(this IQueryable<Client> clients, ICurrentUser user) =>
        user.SeesAllClients ? clients : clients.Where(c => c.ConsultantId == user.UserId);
}
