using Consultancy.Application.Clients;
using Consultancy.Application.Common.Paging;
using Consultancy.Application.Letters;

namespace Consultancy.Web.ViewModels;

public sealed record LettersWaitingViewModel(GetLettersWaiting Query, PagedList<WaitingLetter> Letters, IReadOnlyList<StaffOption> Consultants)
{
    /// <summary>The form the ticked rows belong to (their checkboxes sit in the table, outside it).</summary>
    public const string BulkFormId = "bulk-letters";

    public Dictionary<string, string?> RouteWith(int? page = null, bool? uploaded = null) =>
        Route(Query with { Uploaded = uploaded ?? Query.Uploaded, Page = page ?? (uploaded is null ? Letters.Page : 1), PageSize = Letters.PageSize });

    /// <summary>The list's address: its tab, filters and page, to come back to after acting on a row.</summary>
    public static Dictionary<string, string?> Route(GetLettersWaiting query) => new()
    {
        ["uploaded"] = query.Uploaded ? "true" : null,
        ["search"] = query.Search,
        ["system"] = query.System?.ToString(),
        ["consultantId"] = query.ConsultantId,
        ["pageSize"] = Paging.ClampPageSize(query.PageSize).ToString(),
        ["page"] = query.Page.ToString(),
    };
}
