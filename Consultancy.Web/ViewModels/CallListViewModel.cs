using Consultancy.Application.Clients;
using Consultancy.Application.Common.Paging;
using Consultancy.Application.StrategyCalls;

namespace Consultancy.Web.ViewModels;

public sealed record CallListViewModel(GetCallList Query, PagedList<CallListItem> Calls, IReadOnlyList<StaffOption> Consultants)
{
    public bool IsFiltered => !string.IsNullOrWhiteSpace(Query.Search) || Query.Status is not null || !string.IsNullOrWhiteSpace(Query.ConsultantId);

    /// <summary>The current filters as route values, with some replaced: for the tabs and the pager.</summary>
    public Dictionary<string, string?> RouteWith(int? page = null, CallPeriod? period = null) => new()
    {
        ["period"] = (period ?? Query.Period).ToString(),
        ["consultantId"] = Query.ConsultantId,
        ["status"] = Query.Status?.ToString(),
        ["search"] = Query.Search,
        ["pageSize"] = Calls.PageSize.ToString(),
        ["page"] = period is null ? (page ?? Calls.Page).ToString() : "1",
    };
}

public sealed record CallPageViewModel(CallDetails Call, IReadOnlyList<Application.Playbooks.SeasonSummary> Seasons);
