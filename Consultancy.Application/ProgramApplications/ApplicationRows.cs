using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Application.ProgramApplications;

/// <summary>Reads a client's applications of one season as rows, fit computed in memory from the program's columns and the weighted interview score summed in SQL: one query.</summary>
internal static class ApplicationRows
{
    public static async Task<List<ApplicationRow>> ReadAsync(IAppDbContext db, ApplicantSeason applicant, CancellationToken ct)
    {
        var rows = await db.ProgramApplications.AsNoTracking()
            .Where(a => a.ClientId == applicant.ClientId && a.Season == applicant.SeasonName)
            .OrderBy(a => a.Status).ThenBy(a => a.Program!.Name).ThenBy(a => a.Id)
            .Select(a => new
            {
                a.Id, a.ProgramId, a.Program!.Name, a.Program.Institution, a.Program.Specialty, a.Program.City, a.Program.StateOrProvince,
                a.Program.System, a.Program.Identifier, a.Program.ImgSharePercent, a.Program.VisaSponsorship, a.Program.TimeZoneId,
                a.Tier, a.Signal, a.Status, a.StatusChangedAt, a.AppliedOn, a.InvitedOn, a.InterviewDate, a.InterviewTime, a.InterviewFormat,
                a.InterviewAtUtc, a.RedFlags,
                // Declined and cancelled letters are not going to reach the program, so the rules do not count them.
                Letters = db.LetterAssignments.Count(l => l.ApplicationId == a.Id
                    && l.LetterRequest!.Status != LetterStatus.Declined && l.LetterRequest.Status != LetterStatus.Cancelled),
                ScoreTimesWeight = a.Scores.Sum(s => (int?)(s.Score * s.Criterion!.Weight)),
                Weights = a.Scores.Sum(s => (int?)s.Criterion!.Weight),
                Requirements = new ProgramRequirements(a.Program.MinimumStep2CkScore, a.Program.MaximumYearsSinceGraduation,
                    a.Program.MaximumAttempts, a.Program.VisaSponsorship, a.Program.ClinicalExperience, a.Program.EcfmgCertificationByRankDeadline),
            })
            .ToListAsync(ct);
        return rows.Select(r => new ApplicationRow(r.Id, r.ProgramId, r.Name, r.Institution, r.Specialty, r.City, r.StateOrProvince, r.System,
                r.Identifier, r.ImgSharePercent, r.VisaSponsorship, r.TimeZoneId, r.Tier, r.Signal, r.Status, r.StatusChangedAt, r.AppliedOn,
                r.InvitedOn, r.InterviewDate, r.InterviewTime, r.InterviewFormat, r.InterviewAtUtc, r.Letters,
                InterviewScore.WeightedMean(r.ScoreTimesWeight, r.Weights), r.RedFlags,
                ProgramFit.Evaluate(applicant.Facts, r.Requirements)))
            .ToList();
    }
}
