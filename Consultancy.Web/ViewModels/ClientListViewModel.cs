using System.Globalization;
using Consultancy.Application.Clients;
using Consultancy.Application.Common.Paging;

namespace Consultancy.Web.ViewModels;

public sealed record ClientListViewModel(GetClientList Query, PagedList<ClientListItem> Clients, ClientFilterOptions Options)
{
    public bool IsFiltered =>
        !string.IsNullOrWhiteSpace(Query.Search) || Query.Stage is not null || Query.System is not null
        || !string.IsNullOrWhiteSpace(Query.Season) || !string.IsNullOrWhiteSpace(Query.ConsultantId)
        || !string.IsNullOrWhiteSpace(Query.Tag) || Query.FewerInvitesThan is not null;

    /// <summary>The current filters as route values, with some replaced: for sort links and the pager.</summary>
    public Dictionary<string, string?> RouteWith(int? page = null, ClientSort? sort = null) => new()
    {
        ["search"] = Query.Search,
        ["stage"] = Query.Stage?.ToString(),
        ["system"] = Query.System?.ToString(),
        ["season"] = Query.Season,
        ["consultantId"] = Query.ConsultantId,
        ["tag"] = Query.Tag,
        ["fewerInvitesThan"] = Query.FewerInvitesThan?.ToString(CultureInfo.InvariantCulture),
        ["archived"] = Query.Archived ? "true" : null,
        ["sort"] = (sort ?? Query.Sort).ToString(),
        ["pageSize"] = Clients.PageSize.ToString(),
        ["page"] = (page ?? Clients.Page).ToString(),
    };
}
