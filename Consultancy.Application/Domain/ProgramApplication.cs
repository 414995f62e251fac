using Consultancy.Application.Common.Exceptions;

namespace Consultancy.Application.Domain;

/// <summary>
/// A client's application to one program in one season, from researching it to the match. Every change of status is
/// dated and goes on the client's timeline; an invite and a scheduled interview each drive a client deadline, so the
/// applicant's reminders run through the reminder engine.
/// </summary>
public sealed class ProgramApplication : IVersioned, ICaseloadCounted
{
    public int Id { get; private set; }
    public int ClientId { get; private set; }
    int? IClientOwned.ClientId => ClientId;
    public Client? Client { get; private set; }
    public int ProgramId { get; private set; }
    public ResidencyProgram? Program { get; private set; }
    /// <summary>The season's name, as on the client, e.g. "ERAS 2028".</summary>
    public string Season { get; private set; } = "";

    public ApplicationTier Tier { get; set; }
    public ProgramSignal Signal { get; set; }
    public ApplicationStatus Status { get; private set; }
    [NotAudited]
    public DateTime StatusChangedAt { get; private set; }
    public DateOnly? AppliedOn { get; private set; }
    public DateOnly? InvitedOn { get; private set; }

    /// <summary>The deadline to answer the invite (invites fill within days); null once answered by scheduling or deleted.</summary>
    [NotAudited]
    public int? InviteDeadlineId { get; private set; }
    public Deadline? InviteDeadline { get; private set; }

    /// <summary>The interview's wall-clock date and time in the program's zone.</summary>
    public DateOnly? InterviewDate { get; private set; }
    public TimeOnly? InterviewTime { get; private set; }
    public InterviewFormat? InterviewFormat { get; private set; }
    /// <summary>The interview's start as an instant, kept with the date and time so lists sort and filter in SQL.</summary>
    [NotAudited]
    public DateTime? InterviewAtUtc { get; private set; }
    /// <summary>The deadline that carries the interview's reminders to the applicant and its place in the calendar feed.</summary>
    [NotAudited]
    public int? InterviewDeadlineId { get; private set; }
    public Deadline? InterviewDeadline { get; private set; }

    public string? RedFlags { get; set; }
    public string? Notes { get; set; }
    public List<InterviewScore> Scores { get; private set; } = [];

    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();

    private ProgramApplication() { }

    public ProgramApplication(Client client, ResidencyProgram program, string season, DateTime now)
    {
        Client = client;
        ClientId = client.Id;
        Program = program;
        ProgramId = program.Id;
        Season = season;
        CreatedAt = now;
        UpdatedAt = now;
        StatusChangedAt = now;
    }

    /// <summary>Still in the running: not rejected, withdrawn, or past the match.</summary>
    public bool IsActive => Status is not (ApplicationStatus.Rejected or ApplicationStatus.Withdrawn or ApplicationStatus.NotMatched);

    public bool WasInterviewed => IsPastInterview(Status);

    /// <summary>A status an application reaches only after its interview.</summary>
    public static bool IsPastInterview(ApplicationStatus status) =>
        status is ApplicationStatus.Interviewed or ApplicationStatus.Ranked or ApplicationStatus.Matched or ApplicationStatus.NotMatched;

    /// <summary>
    /// Moves the application to <paramref name="status"/>, dating it. Rejected and Withdrawn are reachable from any
    /// status; otherwise the status moves along the pathway (backwards too, to correct a mistake).
    /// </summary>
    /// <returns>false when it already is in that status.</returns>
    public bool MoveTo(ApplicationStatus status, DateOnly today, DateTime now)
    {
        if (status == Status) return false;
        Status = status;
        StatusChangedAt = now;
        if (status >= ApplicationStatus.Applied && status <= ApplicationStatus.NotMatched) AppliedOn ??= today;
        if (status is >= ApplicationStatus.InterviewInvited and <= ApplicationStatus.NotMatched) InvitedOn ??= today;
        return true;
    }

    /// <summary>The deadline to answer the invite; its id is set when it is saved.</summary>
    public void TrackInviteReply(Deadline deadline) => InviteDeadline = deadline;

    /// <summary>Sets the interview at a wall-clock time in the program's zone, and moves the status to Interview scheduled.</summary>
    public void ScheduleInterview(DateOnly date, TimeOnly time, InterviewFormat format, TimeZoneInfo programZone, DateOnly today, DateTime now)
    {
        if (Status is ApplicationStatus.Rejected or ApplicationStatus.Withdrawn)
            throw new BusinessRuleException($"The application is {Status.ToString().ToLowerInvariant()}: reopen it before scheduling an interview.");
        InterviewDate = date;
        InterviewTime = time;
        InterviewFormat = format;
        InterviewAtUtc = LocalTimes.ToUtc(date.ToDateTime(time), programZone);
        if (Status < ApplicationStatus.InterviewScheduled) MoveTo(ApplicationStatus.InterviewScheduled, today, now);
    }

    /// <summary>The deadline that carries the interview; its id is set when it is saved.</summary>
    public void TrackInterview(Deadline deadline) => InterviewDeadline = deadline;

    /// <summary>Notes and red flags are the consultant's words about the applicant: they go. Program, dates and status stay for the counts.</summary>
    public AfterErasure ErasePersonalData(ClientErasure erasure)
    {
        Notes = null;
        RedFlags = null;
        return AfterErasure.Keep;
    }

    public void DescribeForTimeline(AuditAction action, List<AuditFieldChange> changes)
    {
        if (action != AuditAction.Updated)
            changes.Add(AuditFieldChange.Of("Program", Program is { } program ? $"{program.Name} ({program.Specialty})" : $"program #{ProgramId}"));
    }
}
