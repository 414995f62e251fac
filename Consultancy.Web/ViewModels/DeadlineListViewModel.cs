using Consultancy.Application.Clients;
using Consultancy.Application.Common.Paging;
using Consultancy.Application.Deadlines;

namespace Consultancy.Web.ViewModels;

public sealed record DeadlineListViewModel(GetDeadlineList Query, PagedList<DeadlineListItem> Deadlines, IReadOnlyList<StaffOption> Consultants)
{
    public Dictionary<string, string?> RouteWith(int? page = null, DeadlineWindow? window = null) => new()
    {
        ["window"] = (window ?? Query.Window).ToString(),
        ["category"] = Query.Category?.ToString(),
        ["consultantId"] = Query.ConsultantId,
        ["pageSize"] = Deadlines.PageSize.ToString(),
        ["page"] = (page ?? (window is null ? Deadlines.Page : 1)).ToString(),
    };
}
