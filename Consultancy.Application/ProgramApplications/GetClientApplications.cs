using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using MediatR;

namespace Consultancy.Application.ProgramApplications;

/// <summary>
/// A client's applications for one season, each with its program, fit badges, letters assigned and interview score,
/// and the season's warnings (signals over the limit, letters per program). Four queries whatever the count.
/// </summary>
public sealed record GetClientApplications(int ClientId, string? Season = null, ApplicationStatus? Status = null)
    : IRequest<ClientApplications>;

public sealed record ClientApplications(
    ApplicantSeason Applicant, IReadOnlyList<ApplicationRow> Applications, IReadOnlyDictionary<ApplicationStatus, int> CountByStatus,
    IReadOnlyList<string> Warnings, IReadOnlyList<ClientLetterChoice> Letters, ApplicationStatus? Status)
{
    public IEnumerable<ApplicationRow> Shown => Status is { } status ? Applications.Where(a => a.Status == status) : Applications;
}

public sealed record ApplicationRow(
    int Id, int ProgramId, string ProgramName, string? Institution, string Specialty, string? City, string? StateOrProvince,
    ProgramSystem System, string? Identifier, int? ImgSharePercent, VisaSponsorship Visa, string ProgramTimeZoneId,
    ApplicationTier Tier, ProgramSignal Signal, ApplicationStatus Status, DateTime StatusChangedAt, DateOnly? AppliedOn,
    DateOnly? InvitedOn, DateOnly? InterviewDate, TimeOnly? InterviewTime, InterviewFormat? InterviewFormat, DateTime? InterviewAtUtc,
    int LettersAssigned, decimal? WeightedScore, string? RedFlags, ProgramFit Fit);

internal sealed class GetClientApplicationsHandler(IAppDbContext db, TimeProvider clock)
    : IRequestHandler<GetClientApplications, ClientApplications>
{
    public async Task<ClientApplications> Handle(GetClientApplications request, CancellationToken ct)
    {
        var applicant = await ApplicantSeason.LoadAsync(db, request.ClientId, request.Season, clock.GetUtcNow().UtcDateTime, ct);
        var applications = await ApplicationRows.ReadAsync(db, applicant, ct);
        return new ClientApplications(applicant, applications,
            applications.GroupBy(a => a.Status).ToDictionary(g => g.Key, g => g.Count()),
            ApplicationWarnings.For(applicant, applications), applicant.Letters, request.Status);
    }
}
