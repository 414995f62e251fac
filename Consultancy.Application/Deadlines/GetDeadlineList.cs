using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Common.Paging;
using Consultancy.Application.Domain;
using MediatR;

namespace Consultancy.Application.Deadlines;

public enum DeadlineWindow
{
    Overdue = 0,
    ThisWeek = 1,
    Upcoming = 2,
    Closed = 3,
}

/// <summary>The caseload's deadlines in one window of time. Overdue means past its due time in the client's own zone.</summary>
public sealed record GetDeadlineList : IRequest<PagedList<DeadlineListItem>>
{
    public DeadlineWindow Window { get; set; }
    public DeadlineCategory? Category { get; set; }
    public string? ConsultantId { get; set; }
    public int Page { get; set; } = 1;
    public int PageSize { get; set; } = Paging.DefaultPageSize;
}

/// <param name="DueDate">The client's local date (and <paramref name="DueTime"/> their local time), in <paramref name="ClientTimeZoneId"/>.</param>
public sealed record DeadlineListItem(
    int Id, int ClientId, string ClientName, string ConsultantName, string Title, DeadlineCategory Category,
    DateOnly DueDate, TimeOnly? DueTime, DateTime DueAtUtc, DeadlineStatus Status, string ClientTimeZoneId);

internal sealed class GetDeadlineListHandler(IAppDbContext db, TimeProvider clock)
    : IRequestHandler<GetDeadlineList, PagedList<DeadlineListItem>>
{
    public Task<PagedList<DeadlineListItem>> Handle(GetDeadlineList request, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var weekEnd = now.AddDays(7);
        var deadlines = db.Deadlines.Where(d => !d.Client!.IsArchived);
        deadlines = request.Window switch
        {
            DeadlineWindow.Overdue => deadlines.Where(d => d.Status == DeadlineStatus.Open && d.DueAtUtc <= now),
            DeadlineWindow.ThisWeek => deadlines.Where(d => d.Status == DeadlineStatus.Open && d.DueAtUtc > now && d.DueAtUtc <= weekEnd),
            DeadlineWindow.Upcoming => deadlines.Where(d => d.Status == DeadlineStatus.Open && d.DueAtUtc > weekEnd),
            _ => deadlines.Where(d => d.Status != DeadlineStatus.Open),
        };
        if (request.Category is { } category) deadlines = deadlines.Where(d => d.Category == category);
        if (!string.IsNullOrWhiteSpace(request.ConsultantId)) deadlines = deadlines.Where(d => d.Client!.ConsultantId == request.ConsultantId);

        var ordered = request.Window == DeadlineWindow.Closed
            ? deadlines.OrderByDescending(d => d.StatusChangedAt).ThenByDescending(d => d.Id)
            : deadlines.OrderBy(d => d.DueAtUtc).ThenBy(d => d.Id);
        return ordered
            .Select(d => new DeadlineListItem(d.Id, d.ClientId, d.Client!.FirstName + " " + d.Client.LastName, d.Client.Consultant!.DisplayName,
                d.Title, d.Category, d.DueDate, d.DueTime, d.DueAtUtc, d.Status, d.Client.TimeZoneId))
            .ToPagedListAsync(request.Page, request.PageSize, ct);
    }
}
