using Consultancy.Application.Domain;
using Consultancy.Application.Outbox;

namespace Consultancy.Web.ViewModels;

public sealed record OutboxListViewModel(GetOutboxList Query, OutboxList List)
{
    /// <summary>The tabs, in order: what happens next first.</summary>
    public static readonly IReadOnlyList<(OutboxShown Shown, string Label)> Tabs =
    [
        (OutboxShown.Pending, "Upcoming"), (OutboxShown.Sent, "Sent"), (OutboxShown.Failed, "Failed"),
        (OutboxShown.Cancelled, "Cancelled"), (OutboxShown.All, "All"),
    ];

    public string Label => Tabs.Single(t => t.Shown == Query.Status).Label;

    /// <summary>The end of the viewer's today: pending mail due before it goes out today, and is marked so.</summary>
    public static DateTime EndOfToday(DateTime nowUtc, TimeZoneInfo viewerZone) =>
        LocalTimes.ToUtc(LocalTimes.Today(nowUtc, viewerZone).AddDays(1).ToDateTime(TimeOnly.MinValue), viewerZone);

    /// <summary>The list's address with the same kind, client and search; a tab starts on its first page.</summary>
    public Dictionary<string, string?> RouteWith(int? page = null, OutboxShown? status = null) => new()
    {
        ["status"] = (status ?? Query.Status).ToString(),
        ["kind"] = Query.Kind?.ToString(),
        ["clientId"] = Query.ClientId?.ToString(),
        ["search"] = Query.Search,
        ["pageSize"] = List.Messages.PageSize.ToString(),
        ["page"] = (page ?? (status is null ? List.Messages.Page : 1)).ToString(),
    };
}
