using Consultancy.Application.Common.Exceptions;

namespace Consultancy.Application.Domain;

public sealed class Client : IVersioned, ICaseloadCounted
{
    public int Id { get; private set; }
    public string FirstName { get; set; } = "";
    public string LastName { get; set; } = "";
    public string Email { get; set; } = "";
    public string? Phone { get; set; }
    public string? Country { get; set; }
    public string TimeZoneId { get; set; } = "UTC";

    public string? MedicalSchool { get; set; }
    public string? MedicalSchoolCountry { get; set; }
    public int? GraduationYear { get; set; }
    public ImgType ImgType { get; set; }
    public string? Citizenship { get; set; }
    public VisaNeed VisaNeed { get; set; }

    public ExamResult Step1Result { get; set; }
    public DateOnly? Step1Date { get; set; }
    public int? Step1Attempts { get; set; }
    public int? Step2CkScore { get; set; }
    public DateOnly? Step2CkDate { get; set; }
    public int? Step2CkAttempts { get; set; }
    /// <summary>Programs sponsoring H-1B visas usually require Step 3 passed before the start.</summary>
    public ExamResult Step3Result { get; set; }
    public ExamResult Mccqe1Result { get; set; }
    public int? Mccqe1Attempts { get; set; }
    /// <summary>OET Medicine, which ECFMG requires for certification.</summary>
    public ExamResult OetResult { get; set; }
    public DateOnly? OetDate { get; set; }
    public ExamResult NacOsceResult { get; set; }
    public string? LanguageTest { get; set; }
    public EcfmgStatus EcfmgStatus { get; set; }

    public TargetSystem TargetSystem { get; set; }
    public string? Season { get; set; }
    public string? TargetSpecialties { get; set; }
    public int? ProgramsPlanned { get; set; }
    public ClientSource Source { get; set; }

    /// <summary>Comma-separated, lower-case, without spaces around commas: see <see cref="Domain.Tags"/>.</summary>
    public string Tags { get; set; } = "";

    public ClientStage Stage { get; private set; }
    public string ConsultantId { get; private set; } = "";
    public UserProfile? Consultant { get; private set; }

    /// <summary>The applicant asked for no more reminder emails (one-click unsubscribe, or by their consultant).</summary>
    public bool RemindersOptedOut { get; private set; }
    public DateTime? RemindersOptedOutAt { get; private set; }

    /// <summary>When an admin erased the client's personal data; the row stays, anonymised, for the caseload's counts.</summary>
    public DateTime? ErasedAt { get; private set; }
    public bool IsErased => ErasedAt is not null;

    public bool IsArchived { get; private set; }
    public DateTime? ArchivedAt { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>Optimistic concurrency token, renewed on every save of the client.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();

    // The client is its own record: the caseload rule reads its consultant, the audit trail files it under itself.
    int? IClientOwned.ClientId => Id;
    Client? IClientOwned.Client => this;

    public List<ClientStageChange> StageChanges { get; private set; } = [];
    public List<ClientNote> Notes { get; private set; } = [];
    public List<ClinicalExperience> ClinicalExperiences { get; private set; } = [];
    /// <summary>Read only to count (the client list's application columns); applications are added through their own use cases.</summary>
    public List<ProgramApplication> Applications { get; private set; } = [];

    /// <summary>Whole years from graduation to the calendar year applications go out in; null when either is unknown.</summary>
    public static int? YearsBetween(int? graduationYear, int? applicationYear) =>
        graduationYear is { } graduated && applicationYear is { } year ? Math.Max(0, year - graduated) : null;

    public string FullName => $"{FirstName} {LastName}";

    /// <summary>
    /// Lower-case text the client list searches with one provider-neutral substring match. It is derived
    /// from the fields, so EF reads it through the getter on every save and it can never go stale.
    /// </summary>
    [NotAudited]
    public string SearchText
    {
        get => $"{FirstName} {LastName} {Email} {MedicalSchool}".ToLowerInvariant();
        private set { }
    }

    private Client() { }

    public static Client Open(string consultantId, ClientStage stage, DateTime now, string? byUserId)
    {
        var client = new Client { ConsultantId = consultantId, CreatedAt = now, UpdatedAt = now, Stage = stage };
        client.StageChanges.Add(new ClientStageChange(null, stage, now, byUserId));
        return client;
    }

    /// <returns>false when the client already is in that stage (nothing recorded).</returns>
    /// <summary>
    /// Stages in which the client's season is over for them: they are sent no more reminders until they leave it, and
    /// the pipeline board shows them as counts rather than cards.
    /// </summary>
    public static readonly ClientStage[] EndStages = [ClientStage.Matched, ClientStage.Unmatched, ClientStage.Withdrawn];

    public bool IsInEndStage => EndStages.Contains(Stage);

    /// <summary>What the client's reminder plan depends on besides the deadlines: when any of it changes, re-plan.</summary>
    public (string Email, string TimeZoneId, bool IsInEndStage) ReminderPlanInputs => (Email, TimeZoneId, IsInEndStage);

    public bool MoveToStage(ClientStage stage, DateTime now, string? byUserId)
    {
        if (stage == Stage) return false;
        StageChanges.Add(new ClientStageChange(Stage, stage, now, byUserId));
        Stage = stage;
        return true;
    }

    public void AssignTo(string consultantId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(consultantId);
        ConsultantId = consultantId;
    }

    public void Archive(DateTime now)
    {
        if (IsArchived) return;
        IsArchived = true;
        ArchivedAt = now;
    }

    public void Restore()
    {
        IsArchived = false;
        ArchivedAt = null;
    }

    public void OptOutOfReminders(DateTime now)
    {
        if (RemindersOptedOut) return;
        RemindersOptedOut = true;
        RemindersOptedOutAt = now;
    }

    public void OptBackIntoReminders()
    {
        if (IsErased) throw new ValidationException("", "This client's personal data was erased: there is no address to send reminders to.");
        RemindersOptedOut = false;
        RemindersOptedOutAt = null;
    }

    /// <summary>
    /// Replaces every field that identifies the applicant with a placeholder ("Erased client #12") and turns their
    /// reminders off. What the caseload's counts and charts are made of stays: stage, system, season, source,
    /// consultant, exam outcomes and dates of record.
    /// </summary>
    public AfterErasure ErasePersonalData(ClientErasure erasure)
    {
        var now = erasure.Now;
        FirstName = "Erased";
        LastName = $"client #{Id}";
        Email = ErasedAddress($"client-{Id}");
        Phone = null;
        Country = null;
        MedicalSchool = null;
        MedicalSchoolCountry = null;
        GraduationYear = null;
        Citizenship = null;
        Step1Date = null;
        Step2CkScore = null;
        Step2CkDate = null;
        OetDate = null;
        LanguageTest = null;
        TargetSpecialties = null;
        Tags = "";
        OptOutOfReminders(now);
        ErasedAt = now;
        return AfterErasure.Keep;
    }

    /// <summary>An address that can never receive mail (RFC 2606 reserves .invalid), unique per erased person.</summary>
    public static string ErasedAddress(string who) => $"erased-{who}@erased.invalid";

    public ClientNote AddNote(string body, DateTime now, string? authorId)
    {
        var note = new ClientNote(body, now, authorId);
        Notes.Add(note);
        return note;
    }
}
