using Consultancy.Application.Common;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Common.Paging;
using Consultancy.Application.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Application.Programs;

/// <summary>One page of the shared program directory, searched and filtered, in name order.</summary>
public sealed record GetProgramList : IRequest<PagedList<ProgramListItem>>
{
    public const int MaxSearchLength = 200;

    /// <summary>Words in the name, institution, city, state or province, identifier or specialty.</summary>
    public string? Search { get; set; }
    public string? Specialty { get; set; }
    public string? State { get; set; }
    public ProgramSystem? System { get; set; }
    /// <summary>J-1 or H-1B also finds programs that sponsor both.</summary>
    public VisaSponsorship? Visa { get; set; }
    /// <summary>Programs whose IMG share is at least this percentage (programs without a known share are left out).</summary>
    public int? MinImgShare { get; set; }
    public ProgramType? Type { get; set; }
    public int Page { get; set; } = 1;
    public int PageSize { get; set; } = Paging.DefaultPageSize;
}

public sealed record ProgramListItem
{
    public int Id { get; init; }
    public string Name { get; init; } = "";
    public string? Institution { get; init; }
    public string Specialty { get; init; } = "";
    public string? City { get; init; }
    public string? StateOrProvince { get; init; }
    public string Country { get; init; } = "";
    public ProgramSystem System { get; init; }
    public string? Identifier { get; init; }
    public ProgramType Type { get; init; }
    public int? ImgSharePercent { get; init; }
    public VisaSponsorship VisaSponsorship { get; init; }
    public DateTime? VerifiedAt { get; init; }
    public string? VerifiedByName { get; init; }
}

internal sealed class GetProgramListHandler(IAppDbContext db) : IRequestHandler<GetProgramList, PagedList<ProgramListItem>>
{
    public async Task<PagedList<ProgramListItem>> Handle(GetProgramList request, CancellationToken ct)
    {
        var programs = db.SelectedPrograms(request.Normalised());
        var total = await programs.CountAsync(ct);
        // Name then id: the (Name, Id) index gives the order, and a page in the second half is read from the end.
        return await programs.OrderBy(p => p.Name).ThenBy(p => p.Id).AsListItems()
            .ToPagedListAsync(programs.OrderByDescending(p => p.Name).ThenByDescending(p => p.Id).AsListItems(), total, request.Page, request.PageSize, ct);
    }
}

internal static class ProgramListFilters
{
    /// <summary>Blank filters as none, the search trimmed, lower-cased and cut to its longest, the share within 0–100.</summary>
    public static GetProgramList Normalised(this GetProgramList request) => request with
    {
        Search = string.IsNullOrWhiteSpace(request.Search) ? null
            : request.Search.Trim().ToLowerInvariant()[..Math.Min(request.Search.Trim().Length, GetProgramList.MaxSearchLength)],
        Specialty = string.IsNullOrWhiteSpace(request.Specialty) ? null : request.Specialty.Trim(),
        State = string.IsNullOrWhiteSpace(request.State) ? null : request.State.Trim(),
        MinImgShare = request.MinImgShare is { } share ? Math.Clamp(share, 0, 100) : null,
    };

    /// <summary>The directory's programs that normalised filters select, unordered.</summary>
    public static IQueryable<ResidencyProgram> SelectedPrograms(this IAppDbContext db, GetProgramList filters)
    {
        var programs = db.ResidencyPrograms.AsNoTracking();
        if (filters.Search is { } search)
        {
            var pattern = LikePattern.Containing(search);
            programs = programs.Where(p => EF.Functions.Like(p.SearchText, pattern, LikePattern.Escape));
        }
        if (filters.Specialty is { } specialty) programs = programs.Where(p => p.Specialty == specialty);
        if (filters.State is { } state) programs = programs.Where(p => p.StateOrProvince == state);
        if (filters.System is { } system) programs = programs.Where(p => p.System == system);
        if (filters.Visa is { } visa)
            programs = visa is VisaSponsorship.J1 or VisaSponsorship.H1B
                ? programs.Where(p => p.VisaSponsorship == visa || p.VisaSponsorship == VisaSponsorship.Both)
                : programs.Where(p => p.VisaSponsorship == visa);
        if (filters.MinImgShare is { } minimum) programs = programs.Where(p => p.ImgSharePercent >= minimum);
        if (filters.Type is { } type) programs = programs.Where(p => p.Type == type);
        return programs;
    }

    /// <summary>The normalised filters' programs in the directory's order: name, then id.</summary>
    public static IQueryable<ResidencyProgram> FilteredPrograms(this IAppDbContext db, GetProgramList request) =>
        db.SelectedPrograms(request.Normalised()).OrderBy(p => p.Name).ThenBy(p => p.Id);

    public static IQueryable<ProgramListItem> AsListItems(this IQueryable<ResidencyProgram> programs) =>
        programs.Select(p => new ProgramListItem
        {
            Id = p.Id, Name = p.Name, Institution = p.Institution, Specialty = p.Specialty, City = p.City,
            StateOrProvince = p.StateOrProvince, Country = p.Country, System = p.System, Identifier = p.Identifier, Type = p.Type,
            ImgSharePercent = p.ImgSharePercent, VisaSponsorship = p.VisaSponsorship, VerifiedAt = p.VerifiedAt,
            VerifiedByName = p.VerifiedBy == null ? null : p.VerifiedBy.DisplayName,
        });
}
