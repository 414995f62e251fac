using System.Globalization;
using Consultancy.Application.Common.Paging;
using Consultancy.Application.Programs;
using Consultancy.Application.Programs.Import;
using Microsoft.AspNetCore.Http;

namespace Consultancy.Web.ViewModels;

public sealed record ProgramListViewModel(GetProgramList Query, PagedList<ProgramListItem> Programs, ProgramFilterOptions Options)
{
    public bool IsFiltered =>
        !string.IsNullOrWhiteSpace(Query.Search) || !string.IsNullOrWhiteSpace(Query.Specialty) || !string.IsNullOrWhiteSpace(Query.State)
        || Query.System is not null || Query.Visa is not null || Query.MinImgShare is not null || Query.Type is not null;

    /// <summary>The current filters as route values, with the page replaced: for the pager and the download link.</summary>
    public Dictionary<string, string?> RouteWith(int? page = null) => new()
    {
        ["search"] = Query.Search,
        ["specialty"] = Query.Specialty,
        ["state"] = Query.State,
        ["system"] = Query.System?.ToString(),
        ["visa"] = Query.Visa?.ToString(),
        ["minImgShare"] = Query.MinImgShare?.ToString(CultureInfo.InvariantCulture),
        ["type"] = Query.Type?.ToString(),
        ["pageSize"] = Programs.PageSize.ToString(CultureInfo.InvariantCulture),
        ["page"] = (page ?? Programs.Page).ToString(CultureInfo.InvariantCulture),
    };
}

/// <summary>Who last checked a program against its own pages, and when, in the viewer's words and zone.</summary>
public sealed record ProgramVerification(DateTime? At, string? By)
{
    public string Text(TimeZoneInfo zone)
    {
        if (At is not { } at) return "Never verified";
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(at, DateTimeKind.Utc), zone);
        return $"Verified by {By ?? "a former user"} on {local.ToString("d MMM yyyy", CultureInfo.InvariantCulture)}";
    }
}

/// <summary>The user's unsaved edit of a program beside the version someone else saved meanwhile.</summary>
public sealed record ProgramEditConflict(UpdateProgram Mine, UpdateProgram Saved)
{
    public IEnumerable<(string Field, string? Mine, string? Saved)> KeyFields()
    {
        yield return ("Program name", Mine.Name, Saved.Name);
        yield return ("Specialty", Mine.Specialty, Saved.Specialty);
        yield return ("Identifier", Mine.Identifier, Saved.Identifier);
        yield return ("State or province", Mine.StateOrProvince, Saved.StateOrProvince);
        yield return ("IMG share (%)", Mine.ImgSharePercent?.ToString(CultureInfo.InvariantCulture), Saved.ImgSharePercent?.ToString(CultureInfo.InvariantCulture));
        yield return ("Visa sponsorship", Mine.VisaSponsorship.ToString(), Saved.VisaSponsorship.ToString());
        yield return ("Minimum Step 2 CK score", Mine.MinimumStep2CkScore?.ToString(CultureInfo.InvariantCulture), Saved.MinimumStep2CkScore?.ToString(CultureInfo.InvariantCulture));
        yield return ("Maximum years since graduation", Mine.MaximumYearsSinceGraduation?.ToString(CultureInfo.InvariantCulture), Saved.MaximumYearsSinceGraduation?.ToString(CultureInfo.InvariantCulture));
        yield return ("Notes", Mine.Notes, Saved.Notes);
    }
}
