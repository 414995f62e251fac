using Consultancy.Application.Common.Exceptions;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Application.ProgramApplications;

/// <summary>One application with what its page shows: the program, the fit, the interview, its scores and the letters assigned.</summary>
public sealed record GetApplicationDetails(int Id) : IRequest<ApplicationDetails>;

public sealed record ApplicationDetails(
    int Id, int ClientId, string ClientName, string ClientTimeZoneId, string Season, ResidencyProgram Program, ApplicationTier Tier,
    ProgramSignal Signal, ApplicationStatus Status, DateTime StatusChangedAt, DateOnly? AppliedOn, DateOnly? InvitedOn,
    DateOnly? InterviewDate, TimeOnly? InterviewTime, InterviewFormat? InterviewFormat, DateTime? InterviewAtUtc, string? RedFlags,
    string? Notes, Guid Version, ProgramFit Fit, IReadOnlyList<CriterionScore> Scores, decimal? WeightedScore,
    IReadOnlyList<AssignedLetter> Letters);

public sealed record CriterionScore(int CriterionId, string Name, int Weight, int? Score);

public sealed record AssignedLetter(int LetterId, string RefereeName, string Specialty, bool Assigned);

internal sealed class GetApplicationDetailsHandler(IAppDbContext db, TimeProvider clock) : IRequestHandler<GetApplicationDetails, ApplicationDetails>
{
    public async Task<ApplicationDetails> Handle(GetApplicationDetails request, CancellationToken ct)
    {
        var application = await db.ProgramApplications.AsNoTracking().Include(a => a.Program).Include(a => a.Scores)
            .SingleOrDefaultAsync(a => a.Id == request.Id, ct) ?? throw new NotFoundException(nameof(ProgramApplication), request.Id);
        var applicant = await ApplicantSeason.LoadAsync(db, application.ClientId, application.Season, clock.GetUtcNow().UtcDateTime, ct, withSeasons: false);
        var criteria = await db.InterviewCriteria.AsNoTracking().OrderBy(c => c.Position).ThenBy(c => c.Id).ToListAsync(ct);
        var scored = application.Scores.ToDictionary(s => s.CriterionId, s => s.Score);
        var scores = criteria.Where(c => !c.IsRetired || scored.ContainsKey(c.Id))
            .Select(c => new CriterionScore(c.Id, c.Name, c.Weight, scored.TryGetValue(c.Id, out var score) ? score : null)).ToList();
        // The client's letters still in play, and any assigned here whatever became of them.
        var letters = (await db.LetterRequests.AsNoTracking().Where(l => l.ClientId == application.ClientId)
                .Select(l => new { l.Id, l.RefereeName, l.Specialty, l.Status,
                    Assigned = db.LetterAssignments.Any(a => a.ApplicationId == request.Id && a.LetterRequestId == l.Id) })
                .Where(l => l.Assigned || (l.Status != LetterStatus.Declined && l.Status != LetterStatus.Cancelled))
                .OrderBy(l => l.RefereeName).ToListAsync(ct))
            .Select(l => new AssignedLetter(l.Id, l.RefereeName, l.Specialty, l.Assigned)).ToList();

        return new ApplicationDetails(application.Id, application.ClientId, applicant.FullName, applicant.TimeZoneId, application.Season,
            application.Program!, application.Tier, application.Signal, application.Status, application.StatusChangedAt, application.AppliedOn,
            application.InvitedOn, application.InterviewDate, application.InterviewTime, application.InterviewFormat, application.InterviewAtUtc,
            application.RedFlags, application.Notes, application.Version,
            ProgramFit.Evaluate(applicant.Facts, ProgramRequirements.Of(application.Program!)), scores,
            InterviewScore.WeightedMean(scores.Where(s => s.Score is not null).Select(s => (s.Score!.Value, s.Weight))),
            letters);
    }
}
