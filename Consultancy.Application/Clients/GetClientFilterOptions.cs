using Consultancy.Application.Common.Interfaces;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Application.Clients;

/// <summary>The seasons and consultants the client list can be filtered by.</summary>
public sealed record GetClientFilterOptions : IRequest<ClientFilterOptions>;

public sealed record ClientFilterOptions(IReadOnlyList<string> Seasons, IReadOnlyList<StaffOption> Consultants);

public sealed record StaffOption(string Id, string DisplayName, bool IsActive);

internal sealed class GetClientFilterOptionsHandler(IAppDbContext db, ICurrentUser user)
    : IRequestHandler<GetClientFilterOptions, ClientFilterOptions>
{
    private const int SeasonKind = 0, ConsultantKind = 1;

    public async Task<ClientFilterOptions> Handle(GetClientFilterOptions request, CancellationToken ct)
    {
        // One round trip for both lists: the client list page must stay within three queries.
        var seasons = db.SeasonsOf(db.Clients.InCaseloadOf(user))
            .Select(season => new { Kind = SeasonKind, Key = season, Label = season, Active = true });
        var consultants = db.UserProfiles.Where(u => user.IsAdmin)
            .Select(u => new { Kind = ConsultantKind, Key = u.Id, Label = u.DisplayName, Active = u.IsActive });
        var rows = await seasons.Concat(consultants).ToListAsync(ct);

        return new ClientFilterOptions(
            rows.Where(r => r.Kind == SeasonKind).Select(r => r.Key).Order(StringComparer.OrdinalIgnoreCase).ToList(),
            rows.Where(r => r.Kind == ConsultantKind)
                .OrderBy(r => r.Label, StringComparer.OrdinalIgnoreCase)
                .Select(r => new StaffOption(r.Key, r.Label, r.Active)).ToList());
    }
}
