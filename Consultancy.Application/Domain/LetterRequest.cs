using Consultancy.Application.Common.Exceptions;

namespace Consultancy.Application.Domain;

public enum LetterSystem
{
    ERAS = 0,
    CaRMS = 1,
}

public enum LetterStatus
{
    Planned = 0,
    Requested = 1,
    Confirmed = 2,
    Uploaded = 3,
    Declined = 4,
    Cancelled = 5,
}

/// <summary>Who moved a letter to its current status: the consultant in the app, or the referee through their link.</summary>
public enum LetterActor
{
    Consultant = 0,
    Referee = 1,
}

/// <summary>
/// One letter of recommendation a referee writes for a client, from planning to upload. The referee uploads
/// it themselves (ERAS letter portal with the applicant's Letter ID, or CaRMS Online); the consultancy tracks
/// and chases it. Its due date is a client deadline, so the applicant's reminders run through the reminder engine.
/// </summary>
public sealed class LetterRequest : IVersioned, ICaseloadCounted
{
    /// <summary>A referee who did not answer is followed up at most this many times.</summary>
    public const int MaxFollowUps = 3;

    public int Id { get; private set; }
    public int ClientId { get; private set; }
    int? IClientOwned.ClientId => ClientId;
    public Client? Client { get; private set; }

    public string RefereeName { get; set; } = "";
    public string RefereeEmail { get; set; } = "";
    /// <summary>Title or role, e.g. "Associate Professor of Medicine, clerkship director".</summary>
    public string? RefereeTitle { get; set; }
    public string? Institution { get; set; }
    /// <summary>City and country of the referee's institution.</summary>
    public string? Location { get; set; }
    public bool IsUsCanadianPhysician { get; set; }
    /// <summary>How the referee knows the applicant, e.g. "Supervisor on a US internal medicine rotation, Jun–Jul 2026".</summary>
    public string? Relationship { get; set; }
    /// <summary>The specialty the letter supports, or "General".</summary>
    public string Specialty { get; set; } = "";
    public LetterSystem System { get; set; }
    /// <summary>The ERAS Letter ID the applicant generated for this letter (single use, one per author and letter).</summary>
    public string? ErasLetterId { get; set; }
    public string? Notes { get; set; }
    /// <summary>The client's applications the letter goes to (ERAS lets a program receive at most 4).</summary>
    public List<LetterAssignment> Assignments { get; private set; } = [];
    /// <summary>Applications the letter was added to or taken off since the last save, for its timeline entry.</summary>
    private readonly List<AuditFieldChange> _assignmentChanges = [];

    public DateOnly DueDate { get; private set; }
    /// <summary>The client deadline that carries the due date and the applicant's reminders (null once someone deleted it).</summary>
    [NotAudited]
    public int? DeadlineId { get; private set; }
    public Deadline? Deadline { get; private set; }

    public LetterStatus Status { get; private set; }
    [NotAudited]
    public LetterActor StatusChangedBy { get; private set; }
    [NotAudited]
    public DateTime? StatusChangedAt { get; private set; }
    [NotAudited]
    public DateTime? RequestedAt { get; private set; }
    public int RequestsSent { get; private set; }
    [NotAudited]
    public DateTime? ConfirmedAt { get; private set; }
    [NotAudited]
    public DateTime? DeclinedAt { get; private set; }
    public string? DeclineReason { get; private set; }
    /// <summary>The day the letter was uploaded, as reported by the referee or recorded by the consultant.</summary>
    public DateOnly? UploadedOn { get; private set; }
    [NotAudited]
    public DateTime? CancelledAt { get; private set; }

    /// <summary>The referee asked for no more follow-up emails about this letter.</summary>
    public bool FollowUpsStopped { get; private set; }
    [NotAudited]
    public DateTime? FollowUpsStoppedAt { get; private set; }

    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();

    private LetterRequest() { }

    public LetterRequest(Client client, DateOnly dueDate, DateTime now)
    {
        Client = client;
        ClientId = client.Id;
        DueDate = dueDate;
        CreatedAt = now;
        UpdatedAt = now;
    }

    public string Title => $"Letter of recommendation from {RefereeName}";

    /// <summary>Still being worked on: planned, requested or confirmed.</summary>
    public bool IsActive => Status is LetterStatus.Planned or LetterStatus.Requested or LetterStatus.Confirmed;

    /// <summary>Counts toward the client's letters: anything not declined or cancelled.</summary>
    public bool Counts => Status is not (LetterStatus.Declined or LetterStatus.Cancelled);

    /// <summary>Waiting on the referee: asked, not yet uploaded.</summary>
    public bool IsWaitingOnReferee => Status is LetterStatus.Requested or LetterStatus.Confirmed;

    /// <summary>The referee's link works while the letter is open, and for a grace period after it closed.</summary>
    public bool RefereeLinkWorks(DateTime now, TimeSpan grace) =>
        IsActive || (StatusChangedAt is { } closed && now < closed + grace);

    /// <summary>Follow-ups go out only while the referee has been asked and has not answered.</summary>
    public bool WantsFollowUps => Status == LetterStatus.Requested && !FollowUpsStopped;

    public void AttachDeadline(Deadline deadline)
    {
        Deadline = deadline;
        DeadlineId = deadline.Id;
    }

    /// <summary>Moves the due date, and the deadline that carries it.</summary>
    public void MoveDueDate(DateOnly dueDate)
    {
        DueDate = dueDate;
        Deadline?.MoveByHand(dueDate);
    }

    /// <summary>The request may be sent, or sent again: the referee has not answered yet.</summary>
    public bool MayBeRequested => Status is LetterStatus.Planned or LetterStatus.Requested;

    /// <summary>The request email goes out (again, if the referee needs it resent).</summary>
    public void MarkRequested(DateTime now)
    {
        Require(MayBeRequested, "send a request for");
        RequestedAt = now;
        RequestsSent++;
        ChangeStatus(LetterStatus.Requested, LetterActor.Consultant, now);
    }

    public void Confirm(LetterActor by, DateTime now)
    {
        Require(Status is LetterStatus.Planned or LetterStatus.Requested, "confirm");
        ConfirmedAt = now;
        ChangeStatus(LetterStatus.Confirmed, by, now);
    }

    public void Decline(LetterActor by, string? reason, DateTime now)
    {
        Require(IsActive, "decline");
        DeclinedAt = now;
        DeclineReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        ChangeStatus(LetterStatus.Declined, by, now);
        Deadline?.Cancel(now, null);
    }

    public void MarkUploaded(LetterActor by, DateOnly uploadedOn, DateTime now)
    {
        Require(IsActive, "record the upload of");
        UploadedOn = uploadedOn;
        ChangeStatus(LetterStatus.Uploaded, by, now);
        Deadline?.Complete(now, null);
    }

    /// <summary>
    /// An upload recorded by mistake: the letter goes back to where it was before — confirmed, requested or planned —
    /// and the deadline the upload completed is open again.
    /// </summary>
    public void UndoUpload(DateTime now)
    {
        Require(Status == LetterStatus.Uploaded, "undo the upload of");
        UploadedOn = null;
        var before = ConfirmedAt is not null ? LetterStatus.Confirmed : RequestedAt is not null ? LetterStatus.Requested : LetterStatus.Planned;
        ChangeStatus(before, LetterActor.Consultant, now);
        if (Deadline is { Status: DeadlineStatus.Done } deadline) deadline.Reopen(now, null);
    }

    public void Cancel(DateTime now)
    {
        Require(IsActive, "cancel");
        CancelledAt = now;
        ChangeStatus(LetterStatus.Cancelled, LetterActor.Consultant, now);
        Deadline?.Cancel(now, null);
    }

    /// <summary>
    /// Why the letter cannot go to exactly <paramref name="applications"/> (with their programs loaded), or null: a
    /// letter goes only to its client's applications and to programs of its own system, and a withdrawn or rejected
    /// application keeps a letter it already has but gets no new one.
    /// </summary>
    public string? WhyNotAssignTo(IReadOnlyCollection<ProgramApplication> applications)
    {
        if (applications.Any(a => a.ClientId != ClientId)) return "A letter goes only to its own client's applications.";
        var system = System == LetterSystem.ERAS ? ProgramSystem.ErasNrmp : ProgramSystem.CaRMS;
        var otherSystem = applications.Where(a => a.Program!.System != system).Select(a => a.Program!.Name).ToList();
        if (otherSystem.Count > 0)
            return $"{(system == ProgramSystem.ErasNrmp ? "An ERAS letter goes only to ERAS/NRMP" : "A CaRMS letter goes only to CaRMS")} programs: "
                + $"{LetterRules.NameList(otherSystem)} {(otherSystem.Count == 1 ? "recruits" : "recruit")} through another system.";
        var closed = applications.Where(a => a.Status is (ApplicationStatus.Withdrawn or ApplicationStatus.Rejected) && !IsAssignedTo(a.Id))
            .Select(a => a.Program!.Name).ToList();
        if (closed.Count > 0)
            return $"{LetterRules.NameList(closed)} {(closed.Count == 1 ? "is" : "are")} withdrawn or rejected: reopen an application before sending it a letter.";
        return null;
    }

    /// <summary>
    /// Sends the letter to exactly <paramref name="applications"/>, taking it off the others; the applications it goes to
    /// now and the new ones need their programs loaded. The change goes on the letter's timeline entry and, as any edit
    /// of the letter, renews its version, so an edit started from the version before is refused.
    /// </summary>
    /// <returns>How many applications the letter was added to or taken off.</returns>
    public int AssignTo(IReadOnlyCollection<ProgramApplication> applications)
    {
        if (WhyNotAssignTo(applications) is { } why) throw new BusinessRuleException(why);
        var wanted = applications.Select(a => a.Id).ToHashSet();
        var removing = Assignments.Where(a => !wanted.Contains(a.ApplicationId)).ToList();
        var adding = applications.DistinctBy(a => a.Id).Where(a => !IsAssignedTo(a.Id)).ToList();
        if (removing.Count + adding.Count == 0) return 0;

        removing.ForEach(a => Assignments.Remove(a));
        Assignments.AddRange(adding.Select(a => new LetterAssignment(this, a)));
        if (adding.Count > 0) _assignmentChanges.Add(new AuditFieldChange("AssignedTo", null, Names(adding)));
        if (removing.Count > 0) _assignmentChanges.Add(new AuditFieldChange("TakenOff", null, Names(removing.Select(a => a.Application!))));
        Version = Guid.NewGuid();
        return removing.Count + adding.Count;

        static string Names(IEnumerable<ProgramApplication> changed) =>
            string.Join(", ", changed.Select(a => a.Program!.Name).Order(StringComparer.OrdinalIgnoreCase));
    }

    private bool IsAssignedTo(int applicationId) => Assignments.Any(a => a.ApplicationId == applicationId);

    /// <summary>
    /// An erased client's letter: the referee's details and the notes go; the specialty stays for the counts, without any
    /// mention of the client.
    /// </summary>
    public AfterErasure ErasePersonalData(ClientErasure erasure)
    {
        Specialty = Redaction.Apply(Specialty, erasure.OwnMentions, erasure.Replacement)!;
        RefereeName = "Erased referee";
        RefereeEmail = Client.ErasedAddress($"referee-{Id}");
        RefereeTitle = null;
        Institution = null;
        Location = null;
        Relationship = null;
        ErasLetterId = null;
        Notes = null;
        DeclineReason = null;
        StopFollowUps(erasure.Now);
        return AfterErasure.Keep;
    }

    /// <summary>
    /// A letter added or removed names its referee and system on the timeline; a status the referee reported through
    /// their link says so; the programs it was added to or taken off are listed with the letter's own changes.
    /// </summary>
    public void DescribeForTimeline(AuditAction action, List<AuditFieldChange> changes)
    {
        if (action is AuditAction.Created or AuditAction.Deleted)
            changes.AddRange([AuditFieldChange.Of(nameof(RefereeName), RefereeName), AuditFieldChange.Of(nameof(System), System)]);
        else if (StatusChangedBy == LetterActor.Referee && changes.Any(c => c.Field == nameof(Status)))
            changes.Insert(0, new AuditFieldChange("ReportedBy", null, $"the referee, {RefereeName}"));
        if (action != AuditAction.Deleted) changes.AddRange(_assignmentChanges);
        _assignmentChanges.Clear();
    }

    public void StopFollowUps(DateTime now)
    {
        if (FollowUpsStopped) return;
        FollowUpsStopped = true;
        FollowUpsStoppedAt = now;
    }

    /// <summary>The statuses a consultant may record by hand from the current one.</summary>
    public IReadOnlyList<LetterStatus> NextByHand => Status switch
    {
        LetterStatus.Planned => [LetterStatus.Confirmed, LetterStatus.Uploaded, LetterStatus.Declined, LetterStatus.Cancelled],
        LetterStatus.Requested => [LetterStatus.Confirmed, LetterStatus.Uploaded, LetterStatus.Declined, LetterStatus.Cancelled],
        LetterStatus.Confirmed => [LetterStatus.Uploaded, LetterStatus.Declined, LetterStatus.Cancelled],
        _ => [],
    };

    /// <summary>What the referee may report from their page, given the current status.</summary>
    public bool RefereeMay(LetterStatus status) => (Status, status) switch
    {
        (LetterStatus.Planned or LetterStatus.Requested, LetterStatus.Confirmed or LetterStatus.Declined or LetterStatus.Uploaded) => true,
        (LetterStatus.Confirmed, LetterStatus.Declined or LetterStatus.Uploaded) => true,
        _ => false,
    };

    private void ChangeStatus(LetterStatus status, LetterActor by, DateTime now)
    {
        Status = status;
        StatusChangedBy = by;
        StatusChangedAt = now;
    }

    private void Require(bool allowed, string action)
    {
        if (!allowed)
            throw new ValidationException("", $"You cannot {action} a letter that is {Status.ToString().ToLowerInvariant()}.");
    }
}
