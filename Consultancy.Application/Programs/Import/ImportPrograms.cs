using Consultancy.Application.Clients.Import;
using Consultancy.Application.Common.Exceptions;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using MediatR;

namespace Consultancy.Application.Programs.Import;

/// <summary>Adds and updates the file's programs, all of them or none: any row with an error stops the whole import.</summary>
public sealed record ImportPrograms(Stream Csv) : IRequest<ImportResult>;

internal sealed class ImportProgramsHandler(IAppDbContext db, ProgramImportPlanner planner, TimeProvider clock)
    : IRequestHandler<ImportPrograms, ImportResult>
{
    private const int RowsPerSave = 500;

    public async Task<ImportResult> Handle(ImportPrograms request, CancellationToken ct)
    {
        var rows = await planner.PlanAsync(request.Csv, ct);
        var invalid = rows.Where(r => r.Errors.Count > 0).ToList();
        if (invalid.Count > 0)
            throw new ValidationException(ProgramImportPlanner.FileField,
                $"Nothing was imported: {invalid.Count} row(s) have errors (first: row {invalid[0].RowNumber}, {invalid[0].Errors[0]}). Check the file and upload it again.");

        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.BeginTransactionAsync(ct);
        foreach (var (row, index) in rows.Select((row, index) => (row, index)))
        {
            // One transaction keeps it all or nothing; letting go of what each save wrote keeps the next save small.
            if (index > 0 && index % RowsPerSave == 0)
            {
                await db.SaveChangesAsync(ct);
                db.ForgetTrackedRecords();
            }
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
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new ImportResult(rows.Count(r => r.Action == ImportAction.Add), rows.Count(r => r.Action == ImportAction.Update));
    }
}
