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
        var now = clock.GetUtcNow().UtcDateTime;
        switch (status)
        {
            case LetterStatus.Confirmed: letter.Confirm(by, now); break;
            case LetterStatus.Declined: letter.Decline(by, reason, now); break;
            case LetterStatus.Uploaded: letter.MarkUploaded(by, uploadedOn ?? LocalTimes.Today(now, TimeZones.Find(letter.Client!.TimeZoneId)), now); break;
            case LetterStatus.Cancelled: letter.Cancel(now); break;
            default: throw new Common.Exceptions.ValidationException(nameof(status), "Choose confirmed, declined, uploaded or cancelled.");
        }
        if (letter.Deadline is { } deadline) await reminders.ReplanAsync([deadline], ct);
        await followUps.ReplanAsync(letter, ct);
    }
}
