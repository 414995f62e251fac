using Consultancy.Application.Domain;
using Consultancy.Application.InterviewCriteria;
using Consultancy.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ClientListSeeder;

/// <summary>
/// One applicant of the first demo consultant applying broadly, for the applications page benchmark: internal medicine
/// through ERAS 2028, applications to the first internal medicine ERAS programs of the directory (the seeded ones, with
/// their varied requirements, so the fit badges are mixed), four letters of recommendation, and the suggested interview
/// criteria. Past researching, each application has three letters assigned; every fifth was an interview invite, every
/// tenth was interviewed and scored on every criterion. The same on every run.
/// </summary>
internal static class BenchmarkApplications
{
    public const string Season = "ERAS 2028";

    /// <returns>The applicant's client id.</returns>
    public static async Task<int> SeedAsync(AppDbContext db, string consultantId, int count, DateTime now, CancellationToken ct)
    {
        var programs = await db.ResidencyPrograms
            .Where(p => p.Specialty == "Internal Medicine" && p.System == ProgramSystem.ErasNrmp)
            .OrderBy(p => p.Id).Take(count).ToListAsync(ct);
        if (programs.Count < count)
            throw new InvalidOperationException($"Only {programs.Count} internal medicine ERAS programs to apply to; seed more programs.");

        var client = Client.Open(consultantId, ClientStage.Interviewing, now.AddMonths(-8), null);
        client.FirstName = "Adaeze";
        client.LastName = "Broadapplicant";
        client.Email = "adaeze.broadapplicant@example.org";
        client.TimeZoneId = "Africa/Lagos";
        client.MedicalSchool = "University of Lagos College of Medicine";
        client.MedicalSchoolCountry = "Nigeria";
        client.GraduationYear = 2021;
        client.ImgType = ImgType.NonUsImg;
        client.VisaNeed = VisaNeed.J1;
        client.Step1Result = ExamResult.Pass;
        client.Step2CkScore = 236;
        client.Step1Attempts = 1;
        client.Step2CkAttempts = 1;
        client.TargetSystem = TargetSystem.ErasNrmp;
        client.Season = Season;
        client.TargetSpecialties = "Internal Medicine";
        client.ProgramsPlanned = count;
        db.Clients.Add(client);

        var letters = Enumerable.Range(1, 4).Select(n => new LetterRequest(client, DateOnly.FromDateTime(now).AddDays(-30), now.AddMonths(-6))
        {
            RefereeName = $"Dr. Referee {n}", RefereeEmail = $"referee{n}@hospital.example.org", Specialty = "Internal Medicine",
            System = LetterSystem.ERAS, IsUsCanadianPhysician = n <= 2, Institution = "Example Teaching Hospital",
        }).ToList();
        db.LetterRequests.AddRange(letters);
        if (!await db.InterviewCriteria.AnyAsync(ct))
        {
            db.InterviewCriteria.AddRange(AddSuggestedCriteria.Suggested.Select((c, i) => new InterviewCriterion(c.Name, c.Weight, i + 1)));
        }

        var today = DateOnly.FromDateTime(now);
        var applications = programs.Select(p => new ProgramApplication(client, p, Season, now.AddMonths(-6))).ToList();
        foreach (var (application, n) in applications.Select((a, n) => (a, n)))
        {
            application.Tier = (ApplicationTier)(1 + n % 3);
            application.Signal = n < 3 ? ProgramSignal.Signal : ProgramSignal.None;
            if (n % 10 == 0)
            {
                application.ScheduleInterview(today.AddDays(-20 + n / 10), new TimeOnly(9, 0), InterviewFormat.Virtual,
                    TimeZones.Find(application.Program!.TimeZoneId), today, now);
                application.MoveTo(ApplicationStatus.Interviewed, today, now);
            }
            else if (n % 5 == 0) application.MoveTo(ApplicationStatus.InterviewInvited, today, now);
            else if (n % 7 != 0) application.MoveTo(ApplicationStatus.Applied, today, now);
        }
        db.ProgramApplications.AddRange(applications);
        await db.SaveChangesAsync(ct);

        var criteria = await db.InterviewCriteria.Select(c => c.Id).ToListAsync(ct);
        // Three of the four letters go to each application that was sent, a different one left out in turn.
        var sent = applications.Select((a, n) => (Application: a, N: n)).Where(s => s.Application.Status != ApplicationStatus.Researching).ToList();
        foreach (var (letter, l) in letters.Select((letter, l) => (letter, l)))
            letter.AssignTo(sent.Where(s => s.N % 4 != l).Select(s => s.Application).ToList());
        foreach (var (application, n) in sent.Where(s => s.Application.Status == ApplicationStatus.Interviewed))
            db.InterviewScores.AddRange(criteria.Select((c, i) => new InterviewScore(application, c, 1 + (n + i) % 5)));
        await db.SaveChangesAsync(ct);
        return client.Id;
    }
}
