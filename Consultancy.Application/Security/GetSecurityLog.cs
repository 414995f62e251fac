using Consultancy.Application.Common;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Common.Paging;
using Consultancy.Application.Domain;
using MediatR;

namespace Consultancy.Application.Security;

/// <summary>The security log for admins, newest first, filtered by kind and by a search in who, whom, detail and IP.</summary>
public sealed record GetSecurityLog : IRequest<PagedList<SecurityLogItem>>
{
    public SecurityEventKind? Kind { get; set; }
    public string? Search { get; set; }
    public int Page { get; set; } = 1;
    public int PageSize { get; set; } = Paging.DefaultPageSize;
}

public sealed record SecurityLogItem(long Id, DateTime At, SecurityEventKind Kind, string? Actor, string? Subject, string? Detail, string? IpAddress);

internal sealed class GetSecurityLogHandler(IAppDbContext db, ICurrentUser user) : IRequestHandler<GetSecurityLog, PagedList<SecurityLogItem>>
{
    public Task<PagedList<SecurityLogItem>> Handle(GetSecurityLog request, CancellationToken ct)
    {
        user.EnsureAdmin();
        var events = db.SecurityEvents.AsQueryable();
        if (request.Kind is { } kind) events = events.Where(e => e.Kind == kind);
        if (!string.IsNullOrWhiteSpace(request.Search))
        {
            var term = request.Search.Trim().ToLower();
            events = events.Where(e => (e.Actor != null && e.Actor.ToLower().Contains(term)) || (e.Subject != null && e.Subject.ToLower().Contains(term))
                || (e.Detail != null && e.Detail.ToLower().Contains(term)) || (e.IpAddress != null && e.IpAddress.Contains(term)));
        }
        return events.OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Select(e => new SecurityLogItem(e.Id, e.At, e.Kind, e.Actor, e.Subject, e.Detail, e.IpAddress))
            .ToPagedListAsync(request.Page, request.PageSize, ct);
    }
}
