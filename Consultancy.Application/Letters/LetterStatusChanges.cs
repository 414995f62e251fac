using Consultancy.Application.Domain;
using Consultancy.Application.Reminders;

namespace Consultancy.Application.Letters;

/// <summary>
/// A letter's answer — confirmed, declined, uploaded, cancelled — recorded by the consultant or reported by
/// the referee, with what follows from it: the deadline completed or cancelled (and the applicant's
/// reminders with it), the referee's follow-ups re-planned. Callers save.
/// </summary>
public sealed class LetterStatusChanges(ReminderPlanner reminders, LetterFollowUpPlanner followUps, TimeProvider clock)
{
    /// <param name="letter">Loaded with its client and deadline.</param>
    public async Task ApplyAsync(LetterRequest letter, LetterStatus status, LetterActor by, string? reason, DateOnly? uploadedOn, CancellationToken ct)
    {
        Record(letter, status, by, reason, uploadedOn);
        await ReplanAsync([letter], ct);
    }

    /// <summary>The status alone, for a change of several letters that are then re-planned together with <see cref="ReplanAsync"/>.</summary>
    /// <param name="uploadedOn">The day of the upload; by default today in the client's zone.</param>
    public void Record(LetterRequest letter, LetterStatus status, LetterActor by, string? reason, DateOnly? uploadedOn)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        switch (status)
        {
            case LetterStatus.Confirmed: letter.Confirm(by, now); break;
            case LetterStatus.Declined: letter.Decline(by, reason, now); break;
            case LetterStatus.Uploaded: letter.MarkUploaded(by, uploadedOn ?? LocalTimes.Today(now, TimeZones.Find(letter.Client!.TimeZoneId)), now); break;
            case LetterStatus.Cancelled: letter.Cancel(now); break;
            default: throw new Common.Exceptions.ValidationException(nameof(status), "Choose confirmed, declined, uploaded or cancelled.");
        }
    }

    /// <summary>The applicant's reminders and the referees' follow-ups of letters whose status changed, planned again in step with them.</summary>
    /// <param name="letters">Loaded with their clients and deadlines.</param>
    public async Task ReplanAsync(IReadOnlyCollection<LetterRequest> letters, CancellationToken ct)
    {
        await reminders.ReplanAsync(letters.Select(l => l.Deadline).OfType<Deadline>().ToList(), ct);
        await followUps.ReplanAsync(letters, ct);
    }
}
