using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using Consultancy.Application.Reminders;
using MediatR;

namespace Consultancy.Application.Clients.Import;

/// <summary>Adds and updates the file's clients, all of them or none: any row with an error stops the whole import.</summary>
public sealed record ImportClients(Stream Csv) : IRequest<ImportResult>
{
    /// <summary>The field that problems with the file as a whole are reported on: the upload form's file input.</summary>
    public const string FileField = "File";
}

public sealed record ImportResult(int Added, int Updated);

internal sealed class ImportClientsHandler(IAppDbContext db, ClientImportPlanner planner, ReminderPlanner reminders, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<ImportClients, ImportResult>
{
    public async Task<ImportResult> Handle(ImportClients request, CancellationToken ct)
    {
        var rows = await planner.PlanAsync(request.Csv, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.WriteAsync(rows, async row =>
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
