using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Common.Settings;
using Consultancy.Application.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Consultancy.Application.Outbox;

/// <summary>Sends every outbox message that is due, batch by batch, until none is left.</summary>
public sealed record DispatchOutbox : IRequest<DispatchResult>;

public sealed record DispatchResult(int Sent, int Retrying, int Failed, int Cancelled);

internal sealed class DispatchOutboxHandler(
    IAppDbContext db, IEmailTransport transport, EmailKinds kinds, TimeProvider clock,
    IOptions<OutboxSettings> options, ILogger<DispatchOutboxHandler> logger)
    : IRequestHandler<DispatchOutbox, DispatchResult>
{
    private readonly OutboxSettings _settings = options.Value;
    private int _sent, _retrying, _failed, _cancelled;

    public async Task<DispatchResult> Handle(DispatchOutbox request, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            var token = Guid.NewGuid();
            var claimed = await ClaimAsync(token, ct);
            if (claimed == 0) break;
            await SendBatchAsync(token, ct);
            if (claimed < _settings.BatchSize) break;
        }
        return new DispatchResult(_sent, _retrying, _failed, _cancelled);
    }

    /// <summary>
    /// Takes up to a batch of due rows: only rows nobody holds (or whose lease ran out, after a crash) are
    /// taken, so two dispatchers, in this process or another, never take the same row.
    /// </summary>
    private Task<int> ClaimAsync(Guid token, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.ClaimDueOutboxAsync(token, now, now.AddSeconds(_settings.LeaseSeconds), _settings.BatchSize, ct);
    }

    private async Task SendBatchAsync(Guid token, CancellationToken ct)
    {
        // The dispatcher runs as the system, which the caseload rule lets see every client: the filters would
        // change nothing but the plan, where SQLite builds every client's deadlines each time to join them.
        var batch = await kinds.Including(db.OutboxMessages.AsNoTracking().IgnoreQueryFilters())
            .Where(m => m.LockToken == token)
            .OrderBy(m => m.DueAt).ThenBy(m => m.Id)
            .ToListAsync(ct);

        // Accepted sends are recorded a group at a time; a group commits in the background while the next one is
        // sent, and the next group's commit waits for it, so at most two groups are ever unrecorded.
        var group = new List<AcceptedSend>();
        var committing = Task.CompletedTask;
        IEmailConnection? connection = null;
        try
        {
            foreach (var message in batch)
            {
                var kind = kinds[message.Kind];
                if (kind.WhyNotSend(message) is { } reason)
                {
                    await committing; // one user of the context at a time
                    await CancelAsync(message, token, reason, ct);
                    continue;
                }
                EmailMessage email;
                string messageId;
                try
                {
                    connection ??= await transport.ConnectAsync(ct);
                    email = kind.Render(message);
                    messageId = await connection.SendAsync(email, ct);
                }
                catch (Exception error) when (error is not OperationCanceledException)
                {
                    await committing;
                    await MarkFailedAttemptAsync(message, token, error, ct);
                    if (connection is not null) await connection.DisposeAsync();
                    connection = null;
                    continue;
                }
                // Outside the catch: once the server has the email, a failure to record it must not turn into a
                // retry. The row keeps its lease, and only its expiry (a crash-like case) can send it again.
                group.Add(new AcceptedSend(message, email.To, messageId, clock.GetUtcNow().UtcDateTime, clock.GetTimestamp()));
                _sent++;
                if (group.Count >= _settings.RecordGroupSize
                    || clock.GetElapsedTime(group[0].Timestamp) >= TimeSpan.FromMilliseconds(_settings.RecordGroupMilliseconds))
                {
                    await committing;
                    var closed = group;
                    group = [];
                    // SQLite does its work on the calling thread, so the commit gets its own while this one sends on.
                    committing = Task.Run(() => RecordSentAsync(closed, token), CancellationToken.None);
                }
            }
        }
        finally
        {
            if (connection is not null) await connection.DisposeAsync();
            try
            {
                await committing;
            }
            finally
            {
                // Even when the run is cancelled, a send threw or the previous group failed to commit: these emails have left.
                await RecordSentAsync(group, token);
            }
        }
    }

    /// <summary>
    /// Records a group of accepted sends — each row Sent with its own time, Message-ID and the address it went to,
    /// and the timeline entry its kind leaves — in one transaction: one disk sync for the group instead of one per email.
    /// Only rows this dispatcher still holds are recorded. A group whose recording failed is not tried again:
    /// its rows keep their lease and are sent again only after it expires, as after a crash.
    /// </summary>
    private async Task RecordSentAsync(IReadOnlyList<AcceptedSend> sends, Guid token)
    {
        if (sends.Count == 0) return;
        var group = sends.ToDictionary(s => s.Message.Id);

        // Recorded even if the caller gives up now: the emails have left, and saying otherwise would send them twice.
        var ct = CancellationToken.None;
        var ids = group.Keys.ToList();
        List<OutboxMessage> rows = [];
        List<AuditEntry> timeline = [];
        try
        {
            await using var transaction = await db.BeginTransactionAsync(ct);
            rows = await db.OutboxMessages.IgnoreQueryFilters().Where(m => ids.Contains(m.Id) && m.LockToken == token).ToListAsync(ct);
            foreach (var row in rows)
            {
                var send = group[row.Id];
                row.MarkSent(send.SentAt, send.MessageId, send.Recipient);
                if (kinds[row.Kind].TimelineEntry(send.Message, send.Recipient, send.SentAt) is { } entry) timeline.Add(entry);
            }
            db.AuditEntries.AddRange(timeline);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        finally
        {
            // One context serves every batch of a run: rows left tracked would make each later save scan them all.
            foreach (var row in rows) db.OutboxMessages.Entry(row).State = EntityState.Detached;
            foreach (var entry in timeline) db.AuditEntries.Entry(entry).State = EntityState.Detached;
        }
    }

    private async Task MarkFailedAttemptAsync(OutboxMessage message, Guid token, Exception error, CancellationToken ct)
    {
        var permanent = error is EmailDeliveryException { Permanent: true };
        var attempts = message.Attempts; // the claim already counted this attempt
        var giveUp = permanent || attempts >= _settings.MaxAttempts;
        var retryAt = clock.GetUtcNow().UtcDateTime + OutboxSettings.Backoff(attempts);
        var text = error.Message.Length > 1000 ? error.Message[..1000] : error.Message;
        logger.LogWarning("Outbox message {Id} attempt {Attempt} failed ({Outcome}): {Error}", message.Id, attempts, giveUp ? "giving up" : "will retry", text);

        // The later of the back-off and the row's due time as it is now: a re-plan while this dispatcher held the
        // row (the deadline moved) may have set a later one.
        await Mine(message, token).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Status, giveUp ? OutboxStatus.Failed : OutboxStatus.Pending)
            .SetProperty(m => m.DueAt, m => giveUp || m.DueAt > retryAt ? m.DueAt : retryAt)
            .SetProperty(m => m.LastError, text)
            .SetProperty(m => m.LockToken, (Guid?)null)
            .SetProperty(m => m.LockedUntil, (DateTime?)null), ct);
        if (giveUp) _failed++; else _retrying++;
    }

    private async Task CancelAsync(OutboxMessage message, Guid token, string reason, CancellationToken ct)
    {
        await Mine(message, token).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Status, OutboxStatus.Cancelled)
            .SetProperty(m => m.CancelReason, reason)
            .SetProperty(m => m.LockToken, (Guid?)null)
            .SetProperty(m => m.LockedUntil, (DateTime?)null), ct);
        _cancelled++;
    }

    /// <summary>The row, only while this dispatcher still holds it.</summary>
    private IQueryable<OutboxMessage> Mine(OutboxMessage message, Guid token) =>
        db.OutboxMessages.Where(m => m.Id == message.Id && m.LockToken == token);
}

/// <param name="Recipient">The address the email went to.</param>
/// <param name="Timestamp">When the server accepted it, from <see cref="TimeProvider.GetTimestamp"/>: how long it has waited to be recorded.</param>
internal sealed record AcceptedSend(OutboxMessage Message, string Recipient, string MessageId, DateTime SentAt, long Timestamp);
