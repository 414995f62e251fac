using Consultancy.Application.Common.Mapping;

namespace Consultancy.Application.Domain;

public enum DeadlineCategory
{
    Exam = 0,
    Application = 1,
    Documents = 2,
    Letters = 3,
    Interview = 4,
    [System.ComponentModel.DataAnnotations.Display(Name = "Rank list")] RankList = 5,
    Visa = 6,
    Other = 7,
}

public enum DeadlineStatus
{
    Open = 0,
    Done = 1,
    Cancelled = 2,
}

/// <summary>
/// Something a client must do by a date. The date (and optional time) is the client's local date, in
/// the client's time zone; reminders go out the configured number of days before it.
/// </summary>
public sealed class Deadline : IVersioned, ICaseloadCounted
{
    public int Id { get; private set; }
    public int ClientId { get; private set; }
    int? IClientOwned.ClientId => ClientId;
    public Client? Client { get; private set; }
    public string Title { get; set; } = "";
    public DeadlineCategory Category { get; set; }
    public DateOnly DueDate { get; set; }
    public TimeOnly? DueTime { get; set; }
    public string? Notes { get; set; }

    /// <summary>The playbook item and season this deadline was planned from, if any.</summary>
    public int? PlaybookItemId { get; private set; }
    public PlaybookItem? PlaybookItem { get; private set; }
    public int? SeasonId { get; private set; }
    public Season? Season { get; private set; }

    /// <summary>Someone changed the due date by hand, so moving the season's key date leaves it alone.</summary>
    [NotAudited]
    public bool DueDateEditedByHand { get; private set; }

    /// <summary>Days before the due date on which the applicant is reminded, largest first.</summary>
    public ReminderOffsets ReminderOffsets { get; set; } = ReminderOffsets.Default;

    public DeadlineStatus Status { get; private set; }
    [NotAudited]
    public DateTime? StatusChangedAt { get; private set; }
    [NotAudited]
    public string? StatusChangedById { get; private set; }
    public UserProfile? StatusChangedBy { get; private set; }

    /// <summary>
    /// When the deadline passes, as a UTC instant, kept in step with the due date and the client's time
    /// zone so lists can sort and find overdue deadlines in SQL.
    /// </summary>
    [NotAudited]
    public DateTime DueAtUtc { get; private set; }

    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();

    private Deadline() { }

    public Deadline(Client client, DateTime now)
    {
        Client = client;
        ClientId = client.Id;
        CreatedAt = now;
        UpdatedAt = now;
    }

    public const int NotesMaxLength = 2000;

    /// <summary>
    /// The client's deadline for a playbook step in a season; a step the client's profile already meets
    /// (<see cref="PlaybookItem.MetWhen"/>) is created done, saying why, so it plans no reminders.
    /// </summary>
    public static Deadline FromPlaybook(Client client, Season season, PlaybookItem item, ReminderOffsets offsets, DateTime now)
    {
        var deadline = new Deadline(client, now)
        {
            Title = item.Title,
            Category = item.Category,
            Notes = item.Description,
            DueDate = item.DueDateIn(season),
            ReminderOffsets = offsets,
            PlaybookItemId = item.Id,
            PlaybookItem = item,
            SeasonId = season.Id,
            Season = season,
        };
        if (item.MetWhen.IsMetBy(client))
        {
            var why = $"Already met when planned: {item.MetWhen.DisplayName()} on the client's profile.";
            var notes = deadline.Notes is null ? why : $"{why}\n{deadline.Notes}";
            deadline.Notes = notes[..Math.Min(notes.Length, NotesMaxLength)];
            deadline.Complete(now, null);
        }
        return deadline;
    }

    public bool IsOpen => Status == DeadlineStatus.Open;

    /// <summary>A due date chosen by a person; a planned deadline stops following its key date from then on.</summary>
    public void MoveByHand(DateOnly dueDate)
    {
        if (dueDate == DueDate) return;
        DueDate = dueDate;
        if (PlaybookItemId is not null) DueDateEditedByHand = true;
    }

    /// <summary>Follows a moved key date, unless someone set the date by hand or the deadline is closed.</summary>
    public bool FollowKeyDate(Season season)
    {
        if (DueDateEditedByHand || !IsOpen || PlaybookItem is null) return false;
        var due = PlaybookItem.DueDateIn(season);
        if (due == DueDate) return false;
        DueDate = due;
        return true;
    }

    public void Complete(DateTime now, string? byUserId) => ChangeStatus(DeadlineStatus.Done, now, byUserId);
    public void Cancel(DateTime now, string? byUserId) => ChangeStatus(DeadlineStatus.Cancelled, now, byUserId);
    public void Reopen(DateTime now, string? byUserId) => ChangeStatus(DeadlineStatus.Open, now, byUserId);

    private void ChangeStatus(DeadlineStatus status, DateTime now, string? byUserId)
    {
        if (Status == status) return;
        Status = status;
        StatusChangedAt = now;
        StatusChangedById = byUserId;
    }

    /// <summary>Recomputes <see cref="DueAtUtc"/>: the due time, or the end of the due day, in <paramref name="zone"/>.</summary>
    public void AnchorTo(TimeZoneInfo zone) =>
        DueAtUtc = LocalTimes.ToUtc(DueTime is { } time ? DueDate.ToDateTime(time) : DueDate.AddDays(1).ToDateTime(TimeOnly.MinValue), zone);

    public bool IsOverdue(DateTime nowUtc) => IsOpen && nowUtc >= DueAtUtc;

    /// <summary>The deadline of an erased client or referee: its title loses every mention of them.</summary>
    private void Redact(IReadOnlyList<string> mentions, string replacement) => Title = Redaction.Apply(Title, mentions, replacement)!;

    /// <summary>The notes go, and the title loses the client's and their referees' names; dates and status stay.</summary>
    public AfterErasure ErasePersonalData(ClientErasure erasure)
    {
        Notes = null;
        // A letter's deadline is titled after its referee.
        Redact(erasure.RefereeMentions, "an erased referee");
        Redact(erasure.OwnMentions, erasure.Replacement);
        return AfterErasure.Keep;
    }

    /// <summary>A new deadline says what it is, so a season plan's many read well on the timeline.</summary>
    public void DescribeForTimeline(AuditAction action, List<AuditFieldChange> changes)
    {
        if (action == AuditAction.Created)
            changes.AddRange([AuditFieldChange.Of(nameof(Title), Title), AuditFieldChange.Of(nameof(DueDate), DueDate)]);
    }
}
