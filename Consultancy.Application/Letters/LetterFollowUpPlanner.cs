using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Common.Settings;
using Consultancy.Application.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Consultancy.Application.Letters;

/// <summary>
/// Keeps a letter's follow-up emails to its referee in step with the letter: while the referee has been asked
/// and has not answered, follow-up n is due n × <c>Letters:FollowUpDays</c> after the latest request, at most
/// <see cref="LetterRequest.MaxFollowUps"/>, and only those before the end of the due date (in the client's
/// zone). Pending rows are moved or cancelled; sent ones are history. Callers save.
/// </summary>
public sealed class LetterFollowUpPlanner(IAppDbContext db, TimeProvider clock, IOptions<LetterSettings> settings)
{
    /// <param name="letter">Saved (it has an id), with its client loaded.</param>
    public Task ReplanAsync(LetterRequest letter, CancellationToken ct) => ReplanAsync([letter], ct);

    /// <summary>Several letters at once, their follow-ups read in one query.</summary>
    /// <param name="letters">Saved (they have ids), with their clients loaded.</param>
    public async Task ReplanAsync(IReadOnlyCollection<LetterRequest> letters, CancellationToken ct)
    {
        if (letters.Count == 0) return;
        var now = clock.GetUtcNow().UtcDateTime;
        var ids = letters.Select(l => l.Id).ToList();
        var existing = await db.OutboxMessages
            .Where(m => m.LetterRequestId != null && ids.Contains(m.LetterRequestId.Value) && m.Kind == OutboxKind.LetterFollowUp)
            .ToDictionaryAsync(m => m.DedupKey, ct);

        foreach (var letter in letters)
        {
            var (wanted, reason) = Wanted(letter);
            for (var number = 1; number <= LetterRequest.MaxFollowUps; number++)
            {
                existing.TryGetValue(OutboxMessage.FollowUpKey(letter.Id, number), out var row);
                if (row is { Status: OutboxStatus.Sent or OutboxStatus.Failed } or { CancelledByHand: true } || IsLeased(row, now)) continue;

                if (!wanted.TryGetValue(number, out var dueAt))
                    row?.CancelBecause(reason);
                else if (dueAt < now)
                {
                    if (row is { IsPending: true } && row.DueAt != dueAt) row.CancelBecause("its time had passed when the letter changed");
                }
                else if (row is null)
                    db.OutboxMessages.Add(OutboxMessage.RefereeFollowUp(letter, number, dueAt, now));
                else if (!row.IsPending || row.DueAt != dueAt || row.Recipient != letter.RefereeEmail)
                {
                    row.Recipient = letter.RefereeEmail;
                    row.Reschedule(dueAt);
                }
            }
        }
    }

    /// <summary>Cancels every pending email of a letter that is being deleted.</summary>
    public async Task CancelAllAsync(LetterRequest letter, CancellationToken ct)
    {
        var pending = await db.OutboxMessages
            .Where(m => m.LetterRequestId == letter.Id && m.Status == OutboxStatus.Pending && m.Kind != OutboxKind.LetterNotice)
            .ToListAsync(ct);
        foreach (var row in pending) row.CancelBecause("the letter was deleted");
    }

    private (Dictionary<int, DateTime> Wanted, string WhyNone) Wanted(LetterRequest letter)
    {
        var client = letter.Client ?? throw new InvalidOperationException("Load the letter's client before planning.");
        if (WhyNoFollowUps(letter, client) is { } whyNone) return ([], whyNone);
        var dueEnd = EndOfDueDate(letter, client);
        var wanted = Enumerable.Range(1, LetterRequest.MaxFollowUps)
            .Select(n => (Number: n, DueAt: letter.RequestedAt!.Value + n * settings.Value.FollowUpInterval))
            .Where(f => f.DueAt < dueEnd)
            .ToDictionary(f => f.Number, f => f.DueAt);
        return (wanted, "it would fall after the due date");
    }

    /// <summary>Why a letter gets no follow-ups, or null while it should.</summary>
    public static string? WhyNoFollowUps(LetterRequest letter, Client client) => letter switch
    {
        { FollowUpsStopped: true } => "the referee opted out of follow-ups",
        { Status: LetterStatus.Confirmed } => "the referee confirmed",
        { Status: LetterStatus.Uploaded } => "the letter was uploaded",
        { Status: LetterStatus.Declined } => "the referee declined",
        { Status: LetterStatus.Cancelled } => "the letter was cancelled",
        { Status: LetterStatus.Planned } or { RequestedAt: null } => "the request was not sent",
        _ when client.IsArchived => "the client was archived",
        _ => null,
    };

    /// <summary>The end of the due date in the client's zone: no follow-up goes out after it.</summary>
    public static DateTime EndOfDueDate(LetterRequest letter, Client client) =>
        LocalTimes.ToUtc(letter.DueDate.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeZones.Find(client.TimeZoneId));

    private static bool IsLeased(OutboxMessage? row, DateTime now) => row?.LockedUntil is { } until && until > now;
}
