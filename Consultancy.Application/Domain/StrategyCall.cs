using System.ComponentModel.DataAnnotations;
using Consultancy.Application.Common.Exceptions;

namespace Consultancy.Application.Domain;

public enum CallStatus
{
    Booked = 0,
    Completed = 1,
    [Display(Name = "No-show")] NoShow = 2,
    Cancelled = 3,
}

public enum CallBookedBy
{
    Applicant = 0,
    Staff = 1,
}

/// <summary>Why a call can no longer be moved or cancelled.</summary>
public enum CallChangeRefusal
{
    Cancelled,
    /// <summary>Completed or no-show: what happened is on record.</summary>
    OutcomeRecorded,
    /// <summary>Its start time has come, whether or not it is over; nobody has recorded how it went yet.</summary>
    Started,
}

/// <summary>
/// A free strategy call between a consultant and an applicant. <see cref="Uid"/> and <see cref="Sequence"/>
/// identify the calendar invite: the same UID for the life of the booking, the sequence raised on every change.
/// </summary>
public sealed class StrategyCall : IAlsoSeenByItsConsultant, ICaseloadCounted
{
    public int Id { get; private set; }
    public int ClientId { get; private set; }
    int? IClientOwned.ClientId => ClientId;
    public Client? Client { get; private set; }
    public string ConsultantId { get; private set; } = "";
    public UserProfile? Consultant { get; private set; }

    public DateTime StartUtc { get; private set; }
    public DateTime EndUtc { get; private set; }
    public CallStatus Status { get; private set; }
    public CallBookedBy BookedBy { get; private set; }

    /// <summary>What the applicant wants help with, in their words.</summary>
    public string? Topic { get; private set; }
    public string? MeetingLink { get; private set; }
    public string? OutcomeNotes { get; private set; }

    public string Uid { get; private set; } = "";
    public int Sequence { get; private set; }

    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? CancelledAt { get; private set; }
    public Guid Version { get; set; } = Guid.NewGuid();

    private StrategyCall() { }

    public static StrategyCall Book(Client client, string consultantId, DateTime startUtc, TimeSpan length, string? topic,
        string? meetingLink, CallBookedBy bookedBy, DateTime now) => new()
    {
        Client = client,
        ClientId = client.Id,
        ConsultantId = consultantId,
        StartUtc = startUtc,
        EndUtc = startUtc + length,
        Topic = topic,
        MeetingLink = meetingLink,
        BookedBy = bookedBy,
        Uid = $"{Guid.NewGuid():N}@consultancy",
        CreatedAt = now,
        UpdatedAt = now,
    };

    public TimeSpan Length => EndUtc - StartUtc;
    public bool IsBooked => Status == CallStatus.Booked;
    public bool HasEnded(DateTime now) => EndUtc <= now;
    public bool HasStarted(DateTime now) => BookableSlots.HasBegun(StartUtc, now);

    /// <summary>Blocks the consultant's calendar: everything but a cancelled call does.</summary>
    public bool TakesTime => Status != CallStatus.Cancelled;

    public void MoveTo(DateTime startUtc)
    {
        EnsureBooked();
        if (startUtc == StartUtc) return;
        var length = Length;
        StartUtc = startUtc;
        EndUtc = startUtc + length;
        Sequence++;
    }

    public void Cancel(DateTime now)
    {
        EnsureBooked();
        Status = CallStatus.Cancelled;
        CancelledAt = now;
        Sequence++;
    }

    /// <summary>
    /// Why the call can no longer be moved or cancelled, or null while it can: only a booked call that has not
    /// started. Staff pages and the applicant's manage link ask this same question. The booking page's minimum
    /// notice is deliberately not part of it: the notice keeps calls from landing on a consultant's calendar at
    /// short notice, so it governs the time a call moves to (checked like any new booking), not leaving the old
    /// time — an applicant who cancels late still warns the consultant, which a no-show does not.
    /// </summary>
    public CallChangeRefusal? WhyItCannotChange(DateTime now) => Status switch
    {
        CallStatus.Cancelled => CallChangeRefusal.Cancelled,
        CallStatus.Completed or CallStatus.NoShow => CallChangeRefusal.OutcomeRecorded,
        _ when HasStarted(now) => CallChangeRefusal.Started,
        _ => null,
    };

    /// <summary>Why this outcome cannot be recorded now, or null when it can.</summary>
    public string? WhyNoOutcome(CallStatus status, DateTime now) => status switch
    {
        CallStatus.Booked => "Choose completed, no-show or cancelled.",
        CallStatus.Completed or CallStatus.NoShow when StartUtc > now => "A call can be marked completed or no-show only once it has started.",
        CallStatus.Cancelled when Status is CallStatus.Completed or CallStatus.NoShow => "A call that took place cannot be cancelled.",
        _ => null,
    };

    /// <summary>After the call: what happened, with the consultant's notes.</summary>
    public void RecordOutcome(CallStatus status, string? notes, DateTime now)
    {
        if (WhyNoOutcome(status, now) is { } reason) throw new BusinessRuleException(reason);
        if (status == CallStatus.Cancelled && Status == CallStatus.Booked) Cancel(now);
        Status = status;
        OutcomeNotes = string.IsNullOrWhiteSpace(notes) ? null : notes.Trim();
    }

    /// <summary>What the applicant wrote and what was said in the call goes; when it was and how it ended stays.</summary>
    public AfterErasure ErasePersonalData(ClientErasure erasure)
    {
        Topic = null;
        OutcomeNotes = null;
        MeetingLink = Redaction.Apply(MeetingLink, erasure.OwnMentions, erasure.Replacement);
        return AfterErasure.Keep;
    }

    private void EnsureBooked()
    {
        if (!IsBooked) throw new BusinessRuleException($"This call is already {Status.ToString().ToLowerInvariant()}; only a booked call can be changed.");
    }
}
