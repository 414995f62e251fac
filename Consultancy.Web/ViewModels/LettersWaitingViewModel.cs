using Consultancy.Application.Clients;
using Consultancy.Application.Common.Paging;
using Consultancy.Application.Letters;

namespace Consultancy.Web.ViewModels;

public sealed record LettersWaitingViewModel(GetLettersWaiting Query, PagedList<WaitingLetter> Letters, IReadOnlyList<StaffOption> Consultants)
{
    public Dictionary<string, string?> RouteWith(int? page = null) => new()
    {
        ["search"] = Query.Search,
        ["system"] = Query.System?.ToString(),
        ["consultantId"] = Query.ConsultantId,
        ["pageSize"] = Letters.PageSize.ToString(),
        ["page"] = (page ?? Letters.Page).ToString(),
    };
}
