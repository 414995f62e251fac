using System.ComponentModel.DataAnnotations;
using AutoMapper;
using AutoMapper.QueryableExtensions;
using Consultancy.Application.Common;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Common.Paging;
using Consultancy.Application.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Application.Clients;

public enum ClientSort
{
    [Display(Name = "Name (A–Z)")] Name = 0,
    [Display(Name = "Name (Z–A)")] NameDescending = 1,
    [Display(Name = "Recently updated")] RecentlyUpdated = 2,
    Stage = 3,
    Season = 4,
    [Display(Name = "Invites (fewest first)")] FewestInvites = 5,
    [Display(Name = "Invites (most first)")] MostInvites = 6,
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
    /// <summary>Only clients with fewer interview invites than this in their season.</summary>
    public int? FewerInvitesThan { get; set; }
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
    /// <summary>Applications in the client's season (<see cref="ClientApplicationCounts"/>).</summary>
    public int Applied { get; init; }
    public int Invites { get; init; }
    public int Interviews { get; init; }

    internal sealed class Mapping : Profile
    {
        public Mapping() => CreateMap<Client, ClientListItem>()
            .ForMember(i => i.Applied, o => o.MapFrom(ClientApplicationCounts.Applied))
            .ForMember(i => i.Invites, o => o.MapFrom(ClientApplicationCounts.Invites))
            .ForMember(i => i.Interviews, o => o.MapFrom(ClientApplicationCounts.Interviews));
    }
}

internal sealed class GetClientListHandler(IAppDbContext db, IMapper mapper, ICurrentUser user, CaseloadTotals totals)
    : IRequestHandler<GetClientList, PagedList<ClientListItem>>
{
    public async Task<PagedList<ClientListItem>> Handle(GetClientList request, CancellationToken ct)
    {
        var filters = request.Normalised();
        var clients = db.SelectedClients(user, filters);

        var key = ClientListTotalKey.For(user.SeesAllClients ? null : user.UserId, filters);
        var total = await totals.GetOrCountAsync(key, () => clients.CountAsync(ct));

        var (ordered, reversed) = ClientListFilters.InOrder(db, clients, request.Sort);
        return await ordered.ProjectTo<ClientListItem>(mapper.ConfigurationProvider)
            .ToPagedListAsync(reversed.ProjectTo<ClientListItem>(mapper.ConfigurationProvider), total, request.Page, request.PageSize, ct);
    }
}

/// <summary>
/// Whose caseload (null: everyone's) and which normalised filters a list total counts; <see cref="For"/> drops sort
/// and page, which do not change it.
/// </summary>
public sealed record ClientListTotalKey(string? CaseloadOf, GetClientList Filters)
{
    public static ClientListTotalKey For(string? caseloadOf, GetClientList filters) =>
        new(caseloadOf, filters with { Sort = default, Page = 1, PageSize = Paging.DefaultPageSize });
}

internal static class ClientListFilters
{
    /// <summary>The caseload's clients that the list's search and filters select, in the list's order (paging aside).</summary>
    public static IQueryable<Client> FilteredClients(this IAppDbContext db, ICurrentUser user, GetClientList request)
    {
        var filters = request.Normalised();
        return InOrder(db, db.SelectedClients(user, filters), filters.Sort).Ordered;
    }

    /// <summary>Blank filters as none, search and tag trimmed and lower-cased: equal filters make equal totals keys.</summary>
    public static GetClientList Normalised(this GetClientList request) => request with
    {
        Search = string.IsNullOrWhiteSpace(request.Search) ? null : request.Search.Trim().ToLowerInvariant(),
        Season = string.IsNullOrWhiteSpace(request.Season) ? null : request.Season,
        ConsultantId = string.IsNullOrWhiteSpace(request.ConsultantId) ? null : request.ConsultantId,
        Tag = string.IsNullOrWhiteSpace(request.Tag) ? null : request.Tag.Trim().ToLowerInvariant(),
        FewerInvitesThan = request.FewerInvitesThan is { } invites ? Math.Clamp(invites, 1, ClientApplicationCounts.MostInvitesFiltered) : null,
    };

    /// <summary>The caseload's clients that normalised filters select, unordered.</summary>
    public static IQueryable<Client> SelectedClients(this IAppDbContext db, ICurrentUser user, GetClientList filters)
    {
        var clients = (filters.Search is null ? db.Clients : db.ClientsMatching(filters.Search))
            .InCaseloadOf(user).Where(c => c.IsArchived == filters.Archived);
        if (filters.Stage is { } stage) clients = clients.Where(c => c.Stage == stage);
        if (filters.System is { } system) clients = clients.Where(c => c.TargetSystem == system);
        if (filters.Season is { } season) clients = clients.Where(c => c.Season == season);
        if (filters.ConsultantId is { } consultantId) clients = clients.Where(c => c.ConsultantId == consultantId);
        if (filters.Tag is { } tag)
        {
            var delimited = "," + tag + ",";
            clients = clients.Where(c => ("," + c.Tags + ",").Contains(delimited));
        }
        if (filters.FewerInvitesThan is { } invites) clients = clients.WithFewerInvitesThan(db, invites);
        return clients;
    }

    /// <summary>The list in the chosen order and in exactly the opposite one; each ends in the unique id.</summary>
    public static (IQueryable<Client> Ordered, IQueryable<Client> Reversed) InOrder(IAppDbContext db, IQueryable<Client> clients, ClientSort sort) => sort switch
    {
        ClientSort.NameDescending => (
            clients.OrderByDescending(c => c.LastName).ThenByDescending(c => c.FirstName).ThenByDescending(c => c.Id),
            clients.OrderBy(c => c.LastName).ThenBy(c => c.FirstName).ThenBy(c => c.Id)),
        ClientSort.RecentlyUpdated => (
            clients.OrderByDescending(c => c.UpdatedAt).ThenByDescending(c => c.Id),
            clients.OrderBy(c => c.UpdatedAt).ThenBy(c => c.Id)),
        ClientSort.Stage => (
            clients.OrderBy(c => c.Stage).ThenBy(c => c.LastName).ThenBy(c => c.Id),
            clients.OrderByDescending(c => c.Stage).ThenByDescending(c => c.LastName).ThenByDescending(c => c.Id)),
        ClientSort.Season => (
            clients.OrderBy(c => c.Season).ThenBy(c => c.LastName).ThenBy(c => c.Id),
            clients.OrderByDescending(c => c.Season).ThenByDescending(c => c.LastName).ThenByDescending(c => c.Id)),
        ClientSort.FewestInvites => clients.ByInvites(db, fewestFirst: true),
        ClientSort.MostInvites => clients.ByInvites(db, fewestFirst: false),
        _ => (
            clients.OrderBy(c => c.LastName).ThenBy(c => c.FirstName).ThenBy(c => c.Id),
            clients.OrderByDescending(c => c.LastName).ThenByDescending(c => c.FirstName).ThenByDescending(c => c.Id)),
    };
}
