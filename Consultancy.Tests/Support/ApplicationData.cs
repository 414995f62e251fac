using Consultancy.Application.Domain;
using Consultancy.Infrastructure.Identity;
using Consultancy.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Consultancy.Tests.Support;

/// <summary>
/// Programs and a client's season of applications written straight into the app's database, past the use cases: for
/// pages that need many rows with everything a row can show (letters assigned, interview scores, statuses).
/// </summary>
public static class ApplicationData
{
    public static async Task<int[]> AddProgramsAsync(this AppFactory app, IEnumerable<ResidencyProgram> programs)
    {
        await using var scope = app.Services.CreateSystemScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var list = programs.ToList();
        db.ResidencyPrograms.AddRange(list);
        await db.SaveChangesAsync();
        return list.Select(p => p.Id).ToArray();
    }

    /// <summary>
    /// Puts the programs on the client's list for the season. Every other application is applied to; every fourth one
    /// interviewed (at 10:00 in the program's zone, two weeks ahead) and scored on every criterion (two criteria are made
    /// when there are none); three letters are planned for the client and each is assigned to every other application.
    /// </summary>
    /// <returns>The applications' ids, in the order of the programs.</returns>
    public static async Task<int[]> AddApplicationsAsync(this AppFactory app, int clientId, string season, IReadOnlyList<int> programIds)
    {
        await using var scope = app.Services.CreateSystemScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = DateTime.UtcNow;
        var today = DateOnly.FromDateTime(now);
        var client = await db.Clients.SingleAsync(c => c.Id == clientId);
        var programs = await db.ResidencyPrograms.Where(p => programIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id);
        if (!await db.InterviewCriteria.AnyAsync())
        {
            db.InterviewCriteria.AddRange(new InterviewCriterion("Training", 3, 1), new InterviewCriterion("Location", 1, 2));
        }
        var letters = Enumerable.Range(1, 3).Select(n => new LetterRequest(client, today.AddDays(30), now)
        {
            RefereeName = $"Dr. Referee {n}", RefereeEmail = $"referee{n}.{clientId}@hospital.test", Specialty = "Internal Medicine",
            System = LetterSystem.ERAS, IsUsCanadianPhysician = n == 1,
        }).ToList();
        db.LetterRequests.AddRange(letters);
        var applications = programIds.Select(id => new ProgramApplication(client, programs[id], season, now)).ToList();
        db.ProgramApplications.AddRange(applications);
        foreach (var (application, index) in applications.Select((a, i) => (a, i)))
        {
            if (index % 4 == 0)
            {
                application.ScheduleInterview(today.AddDays(14), new TimeOnly(10, 0), InterviewFormat.Virtual,
                    TimeZones.Find(application.Program!.TimeZoneId), today, now);
                application.MoveTo(ApplicationStatus.Interviewed, today, now);
            }
            else if (index % 2 == 0) application.MoveTo(ApplicationStatus.Applied, today, now);
        }
        await db.SaveChangesAsync();

        var criteria = await db.InterviewCriteria.Select(c => c.Id).ToListAsync();
        foreach (var (application, index) in applications.Select((a, i) => (a, i)))
        {
            if (index % 4 == 0) db.InterviewScores.AddRange(criteria.Select((c, n) => new InterviewScore(application, c, 1 + (index + n) % 5)));
            if (index % 2 == 0) db.LetterAssignments.AddRange(letters.Select(l => new LetterAssignment(l, application)));
        }
        await db.SaveChangesAsync();
        return applications.Select(a => a.Id).ToArray();
    }

    /// <summary>Ranks the applications in the order given, then saves the order with the first two swapped: two revisions.</summary>
    public static async Task AddRankListAsync(this AppFactory app, int clientId, string season, IReadOnlyList<int> applicationIds)
    {
        await using var scope = app.Services.CreateSystemScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var client = await db.Clients.SingleAsync(c => c.Id == clientId);
        var names = await db.ProgramApplications.Where(a => applicationIds.Contains(a.Id))
            .Select(a => new { a.Id, a.Program!.Name }).ToDictionaryAsync(a => a.Id, a => a.Name);
        var list = new RankOrderList(client, season);
        list.Reorder(applicationIds, names, null, DateTime.UtcNow);
        list.Reorder([applicationIds[1], applicationIds[0], .. applicationIds.Skip(2)], names, null, DateTime.UtcNow);
        db.RankOrderLists.Add(list);
        await db.SaveChangesAsync();
    }
}
