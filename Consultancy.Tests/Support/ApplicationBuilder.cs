using Consultancy.Application.Domain;
using Consultancy.Application.ProgramApplications;
using Consultancy.Infrastructure.Identity;
using Consultancy.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Consultancy.Tests.Support;

/// <summary>A client's applications in a season, one new program each, already at the statuses a test counts.</summary>
public static class ApplicationBuilder
{
    /// <summary>
    /// Adds one application per status through the use case, then sets each status straight in the database (dated
    /// <paramref name="on"/>), without the deadlines an invite opens: what is counted is the status alone.
    /// </summary>
    /// <returns>The applications' ids, in the order of <paramref name="statuses"/>.</returns>
    public static async Task<int[]> ApplicationsAsync(this IServiceProvider services, TestUser consultant, int clientId, string season,
        DateTime on, params ApplicationStatus[] statuses)
    {
        var programs = statuses.Select((_, i) => ProgramBuilder.Program($"Program {clientId}-{season}-{i}")).ToArray();
        await using (var scope = services.CreateSystemScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.ResidencyPrograms.AddRange(programs);
            await db.SaveChangesAsync();
        }
        await services.SendAsAsync(consultant, new AddApplications(clientId, season, programs.Select(p => p.Id).ToList()));

        await using (var scope = services.CreateSystemScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var programIds = programs.Select(p => p.Id).ToList();
            var applications = await db.ProgramApplications.Where(a => a.ClientId == clientId && programIds.Contains(a.ProgramId)).ToListAsync();
            var inOrder = programs.Select(p => applications.Single(a => a.ProgramId == p.Id)).ToArray();
            for (var i = 0; i < statuses.Length; i++) inOrder[i].MoveTo(statuses[i], DateOnly.FromDateTime(on), on);
            await db.SaveChangesAsync();
            return inOrder.Select(a => a.Id).ToArray();
        }
    }

    public static Task<int[]> ApplicationsAsync(this ApplicationHarness app, TestUser consultant, int clientId, string season,
        params ApplicationStatus[] statuses) =>
        app.Services.ApplicationsAsync(consultant, clientId, season, app.Clock.GetUtcNow().UtcDateTime, statuses);
}
