using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Serialization;
using Consultancy.Application.Common.Exceptions;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using Consultancy.Application.Security;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Application.Privacy;

/// <summary>
/// Everything the app holds about one client, for a subject access request: profile, notes, timeline, stage
/// history, calls, letters with their referees and the programs they go to, deadlines with their reminders and every email about the client
/// (with the bodies still retained). The caseload rule applies as everywhere: another consultant's client is not
/// found. The export is written to the security log with the client's id (never the name) in the same save.
/// </summary>
public sealed record ExportClientData(int ClientId) : IRequest<ClientDataExport>;

public sealed record ClientDataExport(
    DateTime ExportedAtUtc,
    ExportedProfile Profile,
    IReadOnlyList<ExportedNote> Notes,
    IReadOnlyList<ExportedTimelineEntry> Timeline,
    IReadOnlyList<ExportedStageChange> StageHistory,
    IReadOnlyList<ExportedCall> Calls,
    IReadOnlyList<ExportedLetter> Letters,
    IReadOnlyList<ExportedDeadline> Deadlines,
    IReadOnlyList<ExportedEmail> Emails,
    IReadOnlyList<ExportedClinicalExperience> ClinicalExperience,
    IReadOnlyList<ExportedApplication> Applications,
    IReadOnlyList<ExportedRankList> RankLists)
{
    /// <summary>
    /// The section holding each kind of client-owned record (<see cref="IClientOwned"/>). Every kind needs one: a test
    /// fails for a table with a client's data that is missing here or from the file.
    /// </summary>
    public static readonly IReadOnlyDictionary<Type, string> Sections = new Dictionary<Type, string>
    {
        [typeof(Client)] = nameof(Profile),
        [typeof(ClientNote)] = nameof(Notes),
        [typeof(AuditEntry)] = nameof(Timeline),
        [typeof(ClientStageChange)] = nameof(StageHistory),
        [typeof(StrategyCall)] = nameof(Calls),
        [typeof(LetterRequest)] = nameof(Letters),
        [typeof(Deadline)] = nameof(Deadlines),
        [typeof(OutboxMessage)] = nameof(Emails),
        [typeof(ClinicalExperience)] = nameof(ClinicalExperience),
        [typeof(ProgramApplication)] = nameof(Applications),
        [typeof(InterviewScore)] = nameof(Applications),
        [typeof(LetterAssignment)] = nameof(Applications),
        [typeof(RankOrderList)] = nameof(RankLists),
        [typeof(RankListRevision)] = nameof(RankLists),
    };

    /// <summary>The zip's single entry.</summary>
    [JsonIgnore]
    public string JsonFileName => $"client-{Profile.Id}.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>A zip holding the export as one UTF-8 JSON file.</summary>
    public byte[] ToZip()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            var entry = zip.CreateEntry(JsonFileName, CompressionLevel.Optimal);
            using var stream = entry.Open();
            JsonSerializer.Serialize(stream, this, Json);
        }
        return buffer.ToArray();
    }
}

public sealed record ExportedProfile(
    int Id, string FirstName, string LastName, string Email, string? Phone, string? Country, string TimeZoneId,
    string? MedicalSchool, string? MedicalSchoolCountry, int? GraduationYear, ImgType ImgType, string? Citizenship, VisaNeed VisaNeed,
    ExamResult Step1Result, DateOnly? Step1Date, int? Step1Attempts, int? Step2CkScore, DateOnly? Step2CkDate, int? Step2CkAttempts,
    ExamResult Step3Result, ExamResult Mccqe1Result, int? Mccqe1Attempts, ExamResult OetResult, DateOnly? OetDate,
    ExamResult NacOsceResult, string? LanguageTest, EcfmgStatus EcfmgStatus, TargetSystem TargetSystem, string? Season,
    string? TargetSpecialties, int? ProgramsPlanned, ClientSource Source, string Tags, ClientStage Stage, string? Consultant,
    bool RemindersOptedOut, DateTime? RemindersOptedOutAt, bool IsArchived, DateTime? ArchivedAt, DateTime? ErasedAt,
    DateTime CreatedAt, DateTime UpdatedAt);

public sealed record ExportedNote(DateTime CreatedAt, string? Author, string Body);

public sealed record ExportedTimelineEntry(DateTime At, string Record, AuditAction Action, string? By, IReadOnlyList<AuditFieldChange> Changes);

public sealed record ExportedStageChange(DateTime ChangedAt, ClientStage? FromStage, ClientStage ToStage, string? By);

public sealed record ExportedCall(
    int Id, DateTime StartUtc, DateTime EndUtc, CallStatus Status, CallBookedBy BookedBy, string? Consultant, string? Topic,
    string? MeetingLink, string? OutcomeNotes, DateTime CreatedAt, DateTime? CancelledAt);

public sealed record ExportedLetter(
    int Id, string RefereeName, string RefereeEmail, string? RefereeTitle, string? Institution, string? Location,
    bool IsUsCanadianPhysician, string? Relationship, string Specialty, LetterSystem System, string? ErasLetterId,
    IReadOnlyList<ExportedLetterProgram> AssignedTo, string? Notes, DateOnly DueDate, LetterStatus Status, DateTime? RequestedAt,
    int RequestsSent, DateTime? ConfirmedAt, DateTime? DeclinedAt, string? DeclineReason, DateOnly? UploadedOn, DateTime? CancelledAt,
    bool FollowUpsStopped, DateTime CreatedAt);

/// <summary>An application a letter goes to: its id (as in the applications section), season and program.</summary>
public sealed record ExportedLetterProgram(int ApplicationId, string Season, string Program);

public sealed record ExportedDeadline(
    int Id, string Title, DeadlineCategory Category, DateOnly DueDate, TimeOnly? DueTime, string? Notes, DeadlineStatus Status,
    string ReminderOffsets, IReadOnlyList<ExportedReminder> Reminders);

public sealed record ExportedClinicalExperience(ClinicalExperienceKind Kind, string Place, int Months);

public sealed record ExportedApplication(
    int Id, string Season, string Program, string? Institution, string Specialty, string? Identifier, ApplicationTier Tier,
    ProgramSignal Signal, ApplicationStatus Status, DateTime StatusChangedAt, DateOnly? AppliedOn, DateOnly? InvitedOn,
    DateOnly? InterviewDate, TimeOnly? InterviewTime, InterviewFormat? InterviewFormat, string? RedFlags, string? Notes,
    IReadOnlyList<ExportedScore> Scores, IReadOnlyList<int> LetterIds, DateTime CreatedAt);

public sealed record ExportedScore(string Criterion, int Score);

public sealed record ExportedRankList(string Season, int? CertifiedRevision, DateTime? CertifiedAt, IReadOnlyList<ExportedRankRevision> Revisions);

public sealed record ExportedRankRevision(int Number, DateTime CreatedAt, string? By, string Change, IReadOnlyList<int> ApplicationIds);

public sealed record ExportedReminder(DateTime DueAt, OutboxStatus Status, DateTime? SentAt, string? CancelReason);

public sealed record ExportedEmail(
    long Id, OutboxKind Kind, string Recipient, string? Subject, OutboxStatus Status, DateTime DueAt, DateTime? SentAt,
    string? CancelReason, int? DeadlineId, int? LetterId, int? CallId, string? TextBody, string? HtmlBody, DateTime CreatedAt);

internal sealed class ExportClientDataHandler(IAppDbContext db, SecurityLog securityLog, TimeProvider clock)
    : IRequestHandler<ExportClientData, ClientDataExport>
{
    public async Task<ClientDataExport> Handle(ExportClientData request, CancellationToken ct)
    {
        var id = request.ClientId;
        var profile = await db.Clients.Where(c => c.Id == id)
            .Select(c => new ExportedProfile(c.Id, c.FirstName, c.LastName, c.Email, c.Phone, c.Country, c.TimeZoneId,
                c.MedicalSchool, c.MedicalSchoolCountry, c.GraduationYear, c.ImgType, c.Citizenship, c.VisaNeed,
                c.Step1Result, c.Step1Date, c.Step1Attempts, c.Step2CkScore, c.Step2CkDate, c.Step2CkAttempts,
                c.Step3Result, c.Mccqe1Result, c.Mccqe1Attempts, c.OetResult, c.OetDate,
                c.NacOsceResult, c.LanguageTest, c.EcfmgStatus, c.TargetSystem, c.Season,
                c.TargetSpecialties, c.ProgramsPlanned, c.Source, c.Tags, c.Stage, c.Consultant!.DisplayName,
                c.RemindersOptedOut, c.RemindersOptedOutAt, c.IsArchived, c.ArchivedAt, c.ErasedAt, c.CreatedAt, c.UpdatedAt))
            .SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException(nameof(Client), id);

        var notes = await db.ClientNotes.Where(n => n.ClientId == id).OrderBy(n => n.CreatedAt).ThenBy(n => n.Id)
            .Select(n => new ExportedNote(n.CreatedAt, n.Author!.DisplayName, n.Body)).ToListAsync(ct);
        var timeline = await db.AuditEntries.Where(a => a.ClientId == id).OrderBy(a => a.At).ThenBy(a => a.Id)
            .Select(a => new ExportedTimelineEntry(a.At, a.EntityType, a.Action, a.User!.DisplayName, a.Changes)).ToListAsync(ct);
        var stages = await db.ClientStageChanges.Where(s => s.ClientId == id).OrderBy(s => s.ChangedAt).ThenBy(s => s.Id)
            .Select(s => new ExportedStageChange(s.ChangedAt, s.FromStage, s.ToStage, s.ChangedBy!.DisplayName)).ToListAsync(ct);
        var calls = await db.StrategyCalls.Where(c => c.ClientId == id).OrderBy(c => c.StartUtc)
            .Select(c => new ExportedCall(c.Id, c.StartUtc, c.EndUtc, c.Status, c.BookedBy, c.Consultant!.DisplayName, c.Topic,
                c.MeetingLink, c.OutcomeNotes, c.CreatedAt, c.CancelledAt)).ToListAsync(ct);
        var letters = await db.LetterRequests.Where(l => l.ClientId == id).OrderBy(l => l.DueDate).ThenBy(l => l.Id)
            .Select(l => new ExportedLetter(l.Id, l.RefereeName, l.RefereeEmail, l.RefereeTitle, l.Institution, l.Location,
                l.IsUsCanadianPhysician, l.Relationship, l.Specialty, l.System, l.ErasLetterId,
                l.Assignments.OrderBy(a => a.ApplicationId)
                    .Select(a => new ExportedLetterProgram(a.ApplicationId, a.Application!.Season, a.Application.Program!.Name)).ToList(),
                l.Notes, l.DueDate, l.Status, l.RequestedAt, l.RequestsSent,
                l.ConfirmedAt, l.DeclinedAt, l.DeclineReason, l.UploadedOn, l.CancelledAt, l.FollowUpsStopped, l.CreatedAt))
            .ToListAsync(ct);
        var emails = await db.OutboxMessages.Where(m => m.ClientId == id).OrderBy(m => m.DueAt).ThenBy(m => m.Id)
            .Select(m => new ExportedEmail(m.Id, m.Kind, m.Recipient, m.Subject, m.Status, m.DueAt, m.SentAt, m.CancelReason,
                m.DeadlineId, m.LetterRequestId, m.StrategyCallId, m.TextBody, m.HtmlBody, m.CreatedAt))
            .ToListAsync(ct);
        var reminders = emails.Where(e => e.Kind == OutboxKind.Reminder && e.DeadlineId is not null).ToLookup(e => e.DeadlineId!.Value);
        var deadlines = (await db.Deadlines.AsNoTracking().Where(d => d.ClientId == id).OrderBy(d => d.DueDate).ThenBy(d => d.Id).ToListAsync(ct))
            .Select(d => new ExportedDeadline(d.Id, d.Title, d.Category, d.DueDate, d.DueTime, d.Notes, d.Status, d.ReminderOffsets.ToString(),
                reminders[d.Id].Select(r => new ExportedReminder(r.DueAt, r.Status, r.SentAt, r.CancelReason)).ToList()))
            .ToList();

        var experience = await db.ClinicalExperiences.Where(e => e.ClientId == id).OrderBy(e => e.Id)
            .Select(e => new ExportedClinicalExperience(e.Kind, e.Place, e.Months)).ToListAsync(ct);
        var letterIds = (await db.LetterAssignments.Where(a => a.ClientId == id).Select(a => new { a.ApplicationId, a.LetterRequestId }).ToListAsync(ct))
            .ToLookup(a => a.ApplicationId, a => a.LetterRequestId);
        var scores = (await db.InterviewScores.Where(s => s.ClientId == id)
                .Select(s => new { s.ApplicationId, Score = new ExportedScore(s.Criterion!.Name, s.Score) }).ToListAsync(ct))
            .ToLookup(s => s.ApplicationId, s => s.Score);
        var applications = (await db.ProgramApplications.Where(a => a.ClientId == id).OrderBy(a => a.Season).ThenBy(a => a.Id)
                .Select(a => new { a.Id, a.Season, a.Program!.Name, a.Program.Institution, a.Program.Specialty, a.Program.Identifier, a.Tier,
                    a.Signal, a.Status, a.StatusChangedAt, a.AppliedOn, a.InvitedOn, a.InterviewDate, a.InterviewTime, a.InterviewFormat,
                    a.RedFlags, a.Notes, a.CreatedAt })
                .ToListAsync(ct))
            .Select(a => new ExportedApplication(a.Id, a.Season, a.Name, a.Institution, a.Specialty, a.Identifier, a.Tier, a.Signal, a.Status,
                a.StatusChangedAt, a.AppliedOn, a.InvitedOn, a.InterviewDate, a.InterviewTime, a.InterviewFormat, a.RedFlags, a.Notes,
                scores[a.Id].ToList(), letterIds[a.Id].Order().ToList(), a.CreatedAt))
            .ToList();
        var rankLists = (await db.RankOrderLists.AsNoTracking().Where(l => l.ClientId == id).Include(l => l.Revisions).ThenInclude(r => r.By)
                .OrderBy(l => l.Season).ToListAsync(ct))
            .Select(l => new ExportedRankList(l.Season, l.CertifiedRevision, l.CertifiedAt, l.Revisions.OrderBy(r => r.Number)
                .Select(r => new ExportedRankRevision(r.Number, r.CreatedAt, r.By?.DisplayName, r.Change, r.Order)).ToList()))
            .ToList();

        await securityLog.RecordAsync(SecurityEventKind.ClientDataExported, SecurityLog.ClientSubject(id), null, ct);
        await db.SaveChangesAsync(ct);

        return new ClientDataExport(clock.GetUtcNow().UtcDateTime, profile, notes, timeline, stages, calls, letters, deadlines, emails,
            experience, applications, rankLists);
    }
}
