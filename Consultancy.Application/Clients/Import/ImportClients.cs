using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using Consultancy.Application.Reminders;
using FluentValidation;
using MediatR;

namespace Consultancy.Application.Clients.Import;

/// <summary>
/// Adds and updates the file's clients in one transaction: all of them or none, or, when the importer chose to skip
/// them, the valid ones, handing back the others with their reasons.
/// </summary>
/// <param name="Plan">The digest of the preview the importer confirmed; when given, a file that no longer does what it showed is refused.</param>
public sealed record ImportClients(Stream Csv, ImportChoice Choice = ImportChoice.AllOrNothing, string? Plan = null) : IRequest<ImportResult>
{
    /// <summary>The field that problems with the file as a whole are reported on: the upload form's file input.</summary>
    public const string FileField = "File";
}

internal sealed class ImportClientsValidator : AbstractValidator<ImportClients>
{
    public ImportClientsValidator() => RuleFor(r => r.Choice).IsInEnum().WithMessage(PlannedImport.UnknownChoiceMessage);
}

internal sealed class ImportClientsHandler(IAppDbContext db, ClientImportPlanner planner, ReminderPlanner reminders, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<ImportClients, ImportResult>
{
    public async Task<ImportResult> Handle(ImportClients request, CancellationToken ct)
    {
        var plan = await planner.PlanAsync(request.Csv, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.WriteAsync(plan, request.Choice, request.Plan, async row =>
        {
            if (row.Existing is { } client)
            {
                db.Clients.Attach(client);
                var before = client.ReminderPlanInputs;
                row.Fields.ApplyTo(client);
                ReplaceClinicalExperience(client, row.Fields.ClinicalExperiences);
                client.MoveToStage(row.Fields.Stage, now, user.UserId);
                if (row.ConsultantId is { } consultantId && consultantId != client.ConsultantId) client.AssignTo(consultantId);
                if (client.ReminderPlanInputs != before) await reminders.ReplanClientAsync(client, ct);
            }
            else
            {
                var added = Client.Open(row.ConsultantId!, row.Fields.Stage, now, user.UserId);
                row.Fields.ApplyTo(added);
                ReplaceClinicalExperience(added, row.Fields.ClinicalExperiences);
                db.Clients.Add(added);
            }
        }, ct);
    }

    /// <summary>
    /// The file's entries become the client's list; entries already there (same kind, place and months) stay as they
    /// are, so importing an export again changes nothing and writes nothing on the timeline. No column: no change.
    /// </summary>
    private void ReplaceClinicalExperience(Client client, List<ClinicalExperienceFields>? wanted)
    {
        if (wanted is null) return;
        var unmatched = client.ClinicalExperiences.ToList();
        foreach (var entry in wanted)
        {
            var place = entry.Place.Trim();
            var same = unmatched.FirstOrDefault(e => e.Kind == entry.Kind && e.Place == place && e.Months == entry.Months);
            if (same is not null) unmatched.Remove(same);
            else client.ClinicalExperiences.Add(new ClinicalExperience(entry.Kind, place, entry.Months!.Value));
        }
        foreach (var gone in unmatched)
        {
            client.ClinicalExperiences.Remove(gone);
            db.ClinicalExperiences.Remove(gone);
        }
    }
}
