using Consultancy.Application.Common;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Common.Paging;
using Consultancy.Application.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Application.ProgramApplications;

/// <summary>
/// The directory's programs a client could apply to in a season: those of the client's target specialties (all of them
/// when the client names none, or when <see cref="AllSpecialties"/>) and systems, best fit first, then the highest share
/// of IMG residents. Fit warns and never hides a program. Programs already on the client's list for the season are marked.
/// </summary>
public sealed record FindProgramsForClient(int ClientId, string? Season = null, string? Search = null, bool AllSpecialties = false,
    int Page = 1, int PageSize = 50) : IRequest<ProgramsForClient>;

public sealed record ProgramsForClient(ApplicantSeason Applicant, PagedList<ProgramCandidate> Candidates, bool AllSpecialties, string? Search);

public sealed record ProgramCandidate(
    int Id, string Name, string? Institution, string Specialty, string? City, string? StateOrProvince, ProgramSystem System,
    ProgramType Type, int? ImgSharePercent, VisaSponsorship Visa, bool AlreadyAdded, ProgramFit Fit);

internal sealed class FindProgramsForClientHandler(IAppDbContext db, TimeProvider clock)
    : IRequestHandler<FindProgramsForClient, ProgramsForClient>
{
    /// <summary>The most candidates sorted by fit in one go; a directory filtered to a client's specialties is far smaller.</summary>
    private const int MaxCandidates = 5000;

    public async Task<ProgramsForClient> Handle(FindProgramsForClient request, CancellationToken ct)
    {
        var applicant = await ApplicantSeason.LoadAsync(db, request.ClientId, request.Season, clock.GetUtcNow().UtcDateTime, ct);
        var programs = db.ResidencyPrograms.AsNoTracking();
        programs = applicant.TargetSystem switch
        {
            TargetSystem.ErasNrmp => programs.Where(p => p.System == ProgramSystem.ErasNrmp),
            TargetSystem.CaRMS => programs.Where(p => p.System == ProgramSystem.CaRMS),
            _ => programs,
        };
        var specialties = applicant.Specialties;
        var allSpecialties = request.AllSpecialties || specialties.Count == 0;
        if (!allSpecialties)
        {
            var lower = specialties.Select(s => s.ToLower()).ToList();
            programs = programs.Where(p => lower.Contains(p.Specialty.ToLower()));
        }
        if (!string.IsNullOrWhiteSpace(request.Search))
            programs = programs.Where(p => EF.Functions.Like(p.SearchText, LikePattern.Containing(request.Search.Trim().ToLowerInvariant()), LikePattern.Escape));

        var clientId = applicant.ClientId;
        var season = applicant.SeasonName;
        var rows = await programs.OrderBy(p => p.Name).ThenBy(p => p.Id).Take(MaxCandidates)
            .Select(p => new
            {
                p.Id, p.Name, p.Institution, p.Specialty, p.City, p.StateOrProvince, p.System, p.Type, p.ImgSharePercent, p.VisaSponsorship,
                Added = db.ProgramApplications.Any(a => a.ClientId == clientId && a.Season == season && a.ProgramId == p.Id),
                Requirements = new ProgramRequirements(p.MinimumStep2CkScore, p.MaximumYearsSinceGraduation, p.MaximumAttempts,
                    p.VisaSponsorship, p.ClinicalExperience, p.EcfmgCertificationByRankDeadline),
            })
            .ToListAsync(ct);

        var sorted = rows
            .Select(r => new ProgramCandidate(r.Id, r.Name, r.Institution, r.Specialty, r.City, r.StateOrProvince, r.System, r.Type,
                r.ImgSharePercent, r.VisaSponsorship, r.Added, ProgramFit.Evaluate(applicant.Facts, r.Requirements)))
            .OrderBy(c => c.Fit.Overall).ThenBy(c => c.Fit.NotMet).ThenBy(c => c.Fit.Unknown)
            .ThenByDescending(c => c.ImgSharePercent ?? -1).ThenBy(c => c.Name).ThenBy(c => c.Id)
            .ToList();
        var pageSize = Paging.ClampPageSize(request.PageSize);
        var pageCount = Math.Max(1, (sorted.Count + pageSize - 1) / pageSize);
        var page = Math.Clamp(request.Page, 1, pageCount);
        var candidates = new PagedList<ProgramCandidate>(sorted.Skip((page - 1) * pageSize).Take(pageSize).ToList(), page, pageSize, sorted.Count);
        return new ProgramsForClient(applicant, candidates, allSpecialties, request.Search);
    }
}
