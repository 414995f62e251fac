using Consultancy.Application.Clients.Import;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using FluentValidation;
using MediatR;

namespace Consultancy.Application.Programs.Import;

/// <summary>
/// Adds and updates the file's programs in one transaction: all of them or none, or, when the importer chose to skip
/// them, the valid ones, handing back the others with their reasons.
/// </summary>
/// <param name="Plan">The digest of the preview the importer confirmed; when given, a file that no longer does what it showed is refused.</param>
public sealed record ImportPrograms(Stream Csv, ImportChoice Choice = ImportChoice.AllOrNothing, string? Plan = null) : IRequest<ImportResult>;

internal sealed class ImportProgramsValidator : AbstractValidator<ImportPrograms>
{
    public ImportProgramsValidator() => RuleFor(r => r.Choice).IsInEnum().WithMessage(PlannedImport.UnknownChoiceMessage);
}

internal sealed class ImportProgramsHandler(IAppDbContext db, ProgramImportPlanner planner, TimeProvider clock)
    : IRequestHandler<ImportPrograms, ImportResult>
{
    public async Task<ImportResult> Handle(ImportPrograms request, CancellationToken ct)
    {
        var plan = await planner.PlanAsync(request.Csv, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.WriteAsync(plan, request.Choice, request.Plan, row =>
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
