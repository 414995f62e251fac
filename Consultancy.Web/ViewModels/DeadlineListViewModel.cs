using Consultancy.Application.Clients;
using Consultancy.Application.Common.Paging;
using Consultancy.Application.Deadlines;

namespace Consultancy.Web.ViewModels;

public sealed record DeadlineListViewModel(GetDeadlineList Query, PagedList<DeadlineListItem> Deadlines, IReadOnlyList<StaffOption> Consultants)
{
    /// <summary>The form the ticked rows belong to (their checkboxes sit in the table, outside it).</summary>
    public const string BulkFormId = "bulk-deadlines";

    public Dictionary<string, string?> RouteWith(int? page = null, DeadlineWindow? window = null) =>
        Route(Query with { Window = window ?? Query.Window, Page = page ?? (window is null ? Deadlines.Page : 1), PageSize = Deadlines.PageSize });

    /// <summary>The list's address: its window, filters and page, to come back to after acting on a row.</summary>
    public static Dictionary<string, string?> Route(GetDeadlineList query) => new()
    {
        ["window"] = query.Window.ToString(),
        ["category"] = query.Category?.ToString(),
        ["consultantId"] = query.ConsultantId,
        ["pageSize"] = Paging.ClampPageSize(query.PageSize).ToString(),
        ["page"] = query.Page.ToString(),
    };
}
