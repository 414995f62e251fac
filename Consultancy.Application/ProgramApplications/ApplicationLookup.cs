using Consultancy.Application.Common.Exceptions;
using Consultancy.Application.Domain;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Application.ProgramApplications;

internal static class ApplicationLookup
{
    /// <summary>
    /// The application with what <see cref="InterviewPlanner"/> works from (client, program, the deadlines it drives), in the
    /// caller's caseload; anyone else's is "not found".
    /// </summary>
    public static async Task<ProgramApplication> GetForPlanningAsync(this DbSet<ProgramApplication> applications, int id, CancellationToken ct) =>
        await ForPlanning(applications).SingleOrDefaultAsync(a => a.Id == id, ct) ?? throw new NotFoundException(nameof(ProgramApplication), id);

    /// <inheritdoc cref="GetForPlanningAsync"/>
    public static IQueryable<ProgramApplication> ForPlanning(this IQueryable<ProgramApplication> applications) =>
        applications.Include(a => a.Client).Include(a => a.Program).Include(a => a.InviteDeadline).Include(a => a.InterviewDeadline);
}
