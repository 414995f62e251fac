using Consultancy.Application.Common;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Common.Paging;
using Consultancy.Application.Domain;
using MediatR;

namespace Consultancy.Application.Users;

public sealed record GetUserList : IRequest<PagedList<UserListItem>>
{
    public string? Search { get; set; }
    public bool IncludeInactive { get; set; } = true;
    public int Page { get; set; } = 1;
    public int PageSize { get; set; } = Paging.DefaultPageSize;
}

public sealed record UserListItem(
    string Id, string DisplayName, string Email, UserRole Role, bool IsActive, string TimeZoneId, int ClientCount);

internal sealed class GetUserListHandler(IAppDbContext db, ICurrentUser user) : IRequestHandler<GetUserList, PagedList<UserListItem>>
{
    public Task<PagedList<UserListItem>> Handle(GetUserList request, CancellationToken ct)
    {
        user.EnsureAdmin();
        var users = db.UserProfiles.AsQueryable();
        if (!request.IncludeInactive) users = users.Where(u => u.IsActive);
        if (!string.IsNullOrWhiteSpace(request.Search))
        {
            var term = request.Search.Trim().ToLower();
            users = users.Where(u => u.DisplayName.ToLower().Contains(term) || u.Email.Contains(term));
        }
        return users.OrderBy(u => u.DisplayName).ThenBy(u => u.Id)
            .Select(u => new UserListItem(u.Id, u.DisplayName, u.Email, u.Role, u.IsActive, u.TimeZoneId,
                db.Clients.Count(c => c.ConsultantId == u.Id && !c.IsArchived)))
            .ToPagedListAsync(request.Page, request.PageSize, ct);
    }
}
