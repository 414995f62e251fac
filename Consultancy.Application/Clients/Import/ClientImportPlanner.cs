using AutoMapper;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Application.Clients.Import;

/// <summary>What importing one record of the file would do, and what stops it.</summary>
internal sealed class PlannedImportRow(int rowNumber, string[] cells, ClientCsvRow fields, Client? existing) : IPlannedRow
{
    public int RowNumber { get; } = rowNumber;
    public string[] Cells { get; } = cells;
    public ClientCsvRow Fields { get; } = fields;
    public Client? Existing { get; } = existing;
    public string? ConsultantId { get; set; }
    public List<string> Errors { get; } = [];
    public List<FieldChange> Changes { get; } = [];
    IReadOnlyList<FieldChange> IPlannedRow.Changes => Changes;
    public ImportAction Action => Existing is null ? ImportAction.Add : Changes.Count > 0 ? ImportAction.Update : ImportAction.Unchanged;
}

/// <summary>
/// Reads an import file and checks every record as the client form would: the same field rules and messages,
/// plus what only a file can get wrong (unknown columns, the same email twice, another caseload's client).
/// </summary>
internal sealed class ClientImportPlanner(IAppDbContext db, ICurrentUser user, IMapper mapper, TimeProvider clock)
{
    public const int MaxRows = 20_000;
    public const string OtherCaseloadMessage = "A client with this email address belongs to another consultant's caseload.";

    /// <summary>
    /// Reads and checks every row, and lists the fields each update changes; the existing clients it finds are not
    /// tracked (an import attaches each as it updates it).
    /// </summary>
    public async Task<ImportPlan<PlannedImportRow>> PlanAsync(Stream csv, CancellationToken ct)
    {
        var file = CsvImportFile.Read(csv, ClientCsv.Columns, MaxRows, "clients");
        var (columns, records) = (file.Columns, file.Records);
        var emails = records.Select(r => NormalisedEmail(r, columns)).Where(e => e.Length > 0).Distinct().ToList();

        var visible = db.Clients.Where(c => emails.Contains(c.Email));
        var existing = await visible.AsNoTracking().Include(c => c.ClinicalExperiences).ToDictionaryAsync(c => c.Email, ct);
        var taken = (await db.Clients.IgnoreQueryFilters().Where(c => emails.Contains(c.Email)).Select(c => c.Email).ToListAsync(ct)).ToHashSet();
        var staff = user.IsAdmin
            ? await db.UserProfiles.Where(u => u.IsActive).ToDictionaryAsync(u => u.Email.ToLower(), u => u.Id, ct)
            : [];
        var myEmail = user.IsAdmin ? null : await db.UserProfiles.Where(u => u.Id == user.UserId).Select(u => u.Email).SingleOrDefaultAsync(ct);

        var validator = new ClientFieldsValidator(clock);
        var firstRowOfEmail = new Dictionary<string, int>();
        var rows = new List<PlannedImportRow>(records.Count);
        foreach (var (rowNumber, cells) in records.Select((cells, i) => (i + 2, cells)))
        {
            var email = NormalisedEmail(cells, columns);
            var current = existing.GetValueOrDefault(email);
            var fields = current is null ? new ClientCsvRow() : mapper.Map<ClientCsvRow>(current);
            fields.ConsultantEmail = null;
            var row = new PlannedImportRow(rowNumber, cells, fields, current);
            foreach (var (column, index) in columns)
                if (column.Parse(fields, ClientCsv.Unprotect(index < cells.Length ? cells[index] : "")) is { } parseError)
                    row.Errors.Add(parseError);

            row.Errors.AddRange(validator.Validate(fields).Errors.Select(e => e.ErrorMessage).Distinct());
            if (email.Length > 0 && !firstRowOfEmail.TryAdd(email, rowNumber))
                row.Errors.Add($"This email address is already on row {firstRowOfEmail[email]} of the file.");
            if (current is null && taken.Contains(email))
                row.Errors.Add(OtherCaseloadMessage);
            row.ConsultantId = ResolveConsultant(row, staff, myEmail);
            if (current is not null) row.Changes.AddRange(FieldChanges(current, row.Fields));
            rows.Add(row);
        }
        await AddConsultantChangesAsync(rows, ct);
        return new ImportPlan<PlannedImportRow>(file.Headers, rows);
    }

    /// <summary>
    /// The fields the row changes, column by column: the client as stored against the client as the row would leave it
    /// (trimmed, emptied to nothing, tags tidied, as saving does), so a cell that only differs in spacing changes nothing.
    /// </summary>
    private IEnumerable<FieldChange> FieldChanges(Client current, ClientCsvRow fields)
    {
        var before = mapper.Map<ClientCsvRow>(current);
        var asSaved = Client.Open(current.ConsultantId, fields.Stage, current.CreatedAt, null);
        fields.ApplyTo(asSaved);
        var after = mapper.Map<ClientCsvRow>(asSaved);
        foreach (var column in ClientCsv.Columns)
        {
            var change = column.Header switch
            {
                ClinicalExperienceCsv.Header => fields.ClinicalExperiences is { } wanted && !SameExperience(current.ClinicalExperiences, wanted)
                    ? FieldChange.Of(column.Header, ClinicalExperienceCsv.Format(current.ClinicalExperiences.Select(ClinicalExperienceFields.From)),
                        ClinicalExperienceCsv.Format(wanted))
                    : null,
                ClientCsv.ConsultantHeader => null,
                _ => FieldChange.Of(column.Header, column.Format(before), column.Format(after)),
            };
            if (change is not null) yield return change;
        }
    }

    /// <summary>The same entries, in any order, as the import keeps them (<see cref="ImportClientsHandler"/> replaces only those that differ).</summary>
    private static bool SameExperience(IEnumerable<ClinicalExperience> stored, IEnumerable<ClinicalExperienceFields> wanted) =>
        stored.Select(e => (e.Kind, e.Place, e.Months)).Order().SequenceEqual(wanted.Select(e => (e.Kind, e.Place.Trim(), e.Months ?? 0)).Order());

    /// <summary>A client given to another consultant says so by sign-in email, read in one query for the whole file.</summary>
    private async Task AddConsultantChangesAsync(List<PlannedImportRow> rows, CancellationToken ct)
    {
        var reassigned = rows.Where(r => r.Existing is { } client && r.ConsultantId is { } id && id != client.ConsultantId).ToList();
        if (reassigned.Count == 0) return;
        var ids = reassigned.SelectMany(r => new[] { r.Existing!.ConsultantId, r.ConsultantId! }).Distinct().ToList();
        var emails = await db.UserProfiles.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Email, ct);
        foreach (var row in reassigned)
            row.Changes.Add(new FieldChange(ClientCsv.ConsultantHeader, emails.GetValueOrDefault(row.Existing!.ConsultantId) ?? "", emails.GetValueOrDefault(row.ConsultantId!) ?? ""));
    }

    private string? ResolveConsultant(PlannedImportRow row, Dictionary<string, string> staff, string? myEmail)
    {
        var requested = row.Fields.ConsultantEmail?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(requested)) return row.Existing?.ConsultantId ?? user.UserId;
        if (!user.IsAdmin)
        {
            if (requested == myEmail?.ToLowerInvariant()) return user.UserId;
            row.Errors.Add("Only admins can give clients to another consultant: leave Consultant email empty or put your own.");
            return null;
        }
        if (staff.TryGetValue(requested, out var id)) return id;
        row.Errors.Add($"No active consultant signs in with {requested}.");
        return null;
    }

    private static string NormalisedEmail(string[] cells, IReadOnlyList<(ClientCsvColumn Column, int Index)> columns)
    {
        var index = columns.Single(c => c.Column.Header == ClientCsv.EmailHeader).Index;
        return index < cells.Length ? ClientCsv.Unprotect(cells[index]).ToLowerInvariant() : "";
    }
}
