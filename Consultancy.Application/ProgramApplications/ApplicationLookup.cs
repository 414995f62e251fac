using Consultancy.Application.Common.Exceptions;
using Consultancy.Application.Domain;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Application.ProgramApplications;

internal static class ApplicationLookup
{
    /// <summary>The application with its client and program, in the caller's caseload; anyone else's is "not found".</summary>
    public static async Task<ProgramApplication> GetWithClientAsync(this DbSet<ProgramApplication> applications, int id, CancellationToken ct) =>
        await applications.Include(a => a.Client).Include(a => a.Program).SingleOrDefaultAsync(a => a.Id == id, ct)
            ?? throw new NotFoundException(nameof(ProgramApplication), id);
}
