using Consultancy.Application.Clients.Import;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using MediatR;

namespace Consultancy.Application.Programs.Import;

/// <summary>Adds and updates the file's programs, all of them or none: any row with an error stops the whole import.</summary>
public sealed record ImportPrograms(Stream Csv) : IRequest<ImportResult>;

internal sealed class ImportProgramsHandler(IAppDbContext db, ProgramImportPlanner planner, TimeProvider clock)
    : IRequestHandler<ImportPrograms, ImportResult>
{
    public async Task<ImportResult> Handle(ImportPrograms request, CancellationToken ct)
    {
        var rows = await planner.PlanAsync(request.Csv, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.WriteAsync(rows, row =>
        {
            if (row.Existing is { } program)
            {
                // Attached as read: the save is refused if someone changed the program since the file was checked.
                db.ResidencyPrograms.Attach(program);
                row.Fields.ApplyTo(program);
                program.RecordChange(now);
            }
            else
            {
                var added = new ResidencyProgram(now);
                row.Fields.ApplyTo(added);
                db.ResidencyPrograms.Add(added);
            }
            return Task.CompletedTask;
        }, ct);
    }
}
