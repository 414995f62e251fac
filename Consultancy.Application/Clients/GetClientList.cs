using AutoMapper;
using AutoMapper.QueryableExtensions;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Common.Paging;
using Consultancy.Application.Domain;
using MediatR;

namespace Consultancy.Application.Clients;

public enum ClientSort
{
    Name = 0,
    NameDescending = 1,
    RecentlyUpdated = 2,
    Stage = 3,
    Season = 4,
}

public sealed record GetClientList : IRequest<PagedList<ClientListItem>>
{
    public string? Search { get; set; }
    public ClientStage? Stage { get; set; }
    public TargetSystem? System { get; set; }
    public string? Season { get; set; }
    public string? ConsultantId { get; set; }
    public string? Tag { get; set; }
    public bool Archived { get; set; }
    public ClientSort Sort { get; set; }
    public int Page { get; set; } = 1;
    public int PageSize { get; set; } = Paging.DefaultPageSize;
}

public sealed record ClientListItem
{
    public int Id { get; init; }
    public string FirstName { get; init; } = "";
    public string LastName { get; init; } = "";
    public string Email { get; init; } = "";
    public string? MedicalSchoolCountry { get; init; }
    public ClientStage Stage { get; init; }
    public TargetSystem TargetSystem { get; init; }
    public string? Season { get; init; }
    public string? ConsultantDisplayName { get; init; }
    public DateTime UpdatedAt { get; init; }

    internal sealed class Mapping : Profile
    {
        public Mapping() => CreateMap<Client, ClientListItem>();
    }
}

internal sealed class GetClientListHandler(IAppDbContext db, IMapper mapper, ICurrentUser user)
    : IRequestHandler<GetClientList, PagedList<ClientListItem>>
{
    public Task<PagedList<ClientListItem>> Handle(GetClientList request, CancellationToken ct) =>
        db.FilteredClients(user, request).ProjectTo<ClientListItem>(mapper.ConfigurationProvider)
            .ToPagedListAsync(request.Page, request.PageSize, ct);
}

internal static class ClientListFilters
{
    /// <summary>The caseload's clients that the list's search and filters select, in the list's order (paging aside).</summary>
    public static IQueryable<Client> FilteredClients(this IAppDbContext db, ICurrentUser user, GetClientList request)
    {
        var clients = (string.IsNullOrWhiteSpace(request.Search) ? db.Clients : db.ClientsMatching(request.Search))
            .InCaseloadOf(user).Where(c => c.IsArchived == request.Archived);
        if (request.Stage is { } stage) clients = clients.Where(c => c.Stage == stage);
        if (request.System is { } system) clients = clients.Where(c => c.TargetSystem == system);
        if (!string.IsNullOrWhiteSpace(request.Season)) clients = clients.Where(c => c.Season == request.Season);
        if (!string.IsNullOrWhiteSpace(request.ConsultantId)) clients = clients.Where(c => c.ConsultantId == request.ConsultantId);
        if (!string.IsNullOrWhiteSpace(request.Tag))
        {
            var tag = "," + request.Tag.Trim().ToLowerInvariant() + ",";
            clients = clients.Where(c => ("," + c.Tags + ",").Contains(tag));
        }

        return request.Sort switch
        {
            ClientSort.NameDescending => clients.OrderByDescending(c => c.LastName).ThenByDescending(c => c.FirstName).ThenByDescending(c => c.Id),
            ClientSort.RecentlyUpdated => clients.OrderByDescending(c => c.UpdatedAt).ThenByDescending(c => c.Id),
            ClientSort.Stage => clients.OrderBy(c => c.Stage).ThenBy(c => c.LastName).ThenBy(c => c.Id),
            ClientSort.Season => clients.OrderBy(c => c.Season).ThenBy(c => c.LastName).ThenBy(c => c.Id),
            _ => clients.OrderBy(c => c.LastName).ThenBy(c => c.FirstName).ThenBy(c => c.Id),
        };
    }
}
