using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Common.Settings;
using Consultancy.Application.Domain;
using Consultancy.Application.Letters;
using Consultancy.Application.StrategyCalls;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Consultancy.Application.Reminders;

/// <summary>Sends every outbox message that is due, batch by batch, until none is left.</summary>
public sealed record DispatchOutbox : IRequest<DispatchResult>;

public sealed record DispatchResult(int Sent, int Retrying, int Failed, int Cancelled);

internal sealed class DispatchOutboxHandler(
    IAppDbContext db, IEmailTransport transport, ReminderEmail reminders, CallEmail calls, LetterEmail letters, TimeProvider clock,
    IOptions<ReminderSettings> options, ILogger<DispatchOutboxHandler> logger)
    : IRequestHandler<DispatchOutbox, DispatchResult>
{
    private readonly ReminderSettings _settings = options.Value;
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
    /// Takes up to a batch of due rows in one conditional UPDATE: only rows nobody holds (or whose lease
    /// ran out, after a crash) match, so two dispatchers never take the same row.
    /// </summary>
    private Task<int> ClaimAsync(Guid token, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var leaseEnd = now.AddSeconds(_settings.LeaseSeconds);
        return db.OutboxMessages
            .Where(m => m.Status == OutboxStatus.Pending && m.DueAt <= now && (m.LockedUntil == null || m.LockedUntil < now))
            .OrderBy(m => m.DueAt).ThenBy(m => m.Id)
            .Take(_settings.BatchSize)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.LockToken, token)
                .SetProperty(m => m.LockedUntil, leaseEnd)
                .SetProperty(m => m.Attempts, m => m.Attempts + 1), ct);
    }

    private async Task SendBatchAsync(Guid token, CancellationToken ct)
    {
        var batch = await db.OutboxMessages.AsNoTracking()
            .Include(m => m.Deadline).Include(m => m.LetterRequest).Include(m => m.Client).ThenInclude(c => c!.Consultant)
            .Include(m => m.StrategyCall).ThenInclude(c => c!.Client)
            .Include(m => m.StrategyCall).ThenInclude(c => c!.Consultant)
            .Where(m => m.LockToken == token)
            .OrderBy(m => m.DueAt).ThenBy(m => m.Id)
            .ToListAsync(ct);

        var timeline = new List<AuditEntry>();
        IEmailConnection? connection = null;
        try
        {
            foreach (var message in batch)
            {
                if (WhyNotSend(message) is { } reason)
                {
                    await CancelAsync(message, token, reason, ct);
                    continue;
                }
                string messageId;
                try
                {
                    connection ??= await transport.ConnectAsync(ct);
                    messageId = await connection.SendAsync(Render(message), ct);
                }
                catch (Exception error) when (error is not OperationCanceledException)
                {
                    await MarkFailedAttemptAsync(message, token, error, ct);
                    if (connection is not null) await connection.DisposeAsync();
                    connection = null;
                    continue;
                }
                // Outside the catch: once the server has the email, a failure to record it must not turn into a
                // retry. The row keeps its lease, and only its expiry (a crash-like case) can send it again.
                await MarkSentAsync(message, token, messageId, timeline);
            }
        }
        finally
        {
            if (connection is not null) await connection.DisposeAsync();
            await RecordOnTimelinesAsync(timeline);
        }
    }

    private string? WhyNotSend(OutboxMessage message)
    {
        if (CallEmail.IsAboutCall(message)) return calls.WhyNotSend(message);
        if (OutboxMessage.IsAboutLetter(message.Kind)) return letters.WhyNotSend(message);
        if (message.Kind != OutboxKind.Reminder) return null;
        var now = clock.GetUtcNow().UtcDateTime;
        return message switch
        {
            { Deadline: null } => "the deadline was deleted",
            { Deadline.Status: DeadlineStatus.Done } => "the deadline was completed",
            { Deadline.Status: DeadlineStatus.Cancelled } => "the deadline was cancelled",
            { ReminderOffsetDays: { } days } when !message.Deadline.ReminderOffsets.Days.Contains(days) => "its offset was removed",
            { Client.RemindersOptedOut: true } => "the client opted out of reminders",
            { Client.IsArchived: true } => "the client was archived",
            _ when message.Deadline.IsOverdue(now) => "the deadline had already passed",
            _ => null,
        };
    }

    private EmailMessage Render(OutboxMessage message) =>
        CallEmail.IsAboutCall(message) ? calls.Render(message)
        : OutboxMessage.IsAboutLetter(message.Kind) ? letters.Render(message)
        : message.Kind == OutboxKind.Reminder ? reminders.Render(message, message.Deadline!, message.Client!, message.Client!.Consultant)
        : new EmailMessage(message.Recipient, message.Subject ?? "", message.TextBody ?? "", message.HtmlBody, MessageKey: $"outbox-{message.Id}");

    private async Task MarkSentAsync(OutboxMessage message, Guid token, string messageId, List<AuditEntry> timeline)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        // A reminder goes to the client's current address; other mail (referees, consultants) to the one it names.
        var recipient = message.Kind == OutboxKind.Reminder ? message.Client?.Email ?? message.Recipient : message.Recipient;
        // Recorded even if the caller gives up now: the email has left, and saying otherwise would send it twice.
        await Mine(message, token).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Status, OutboxStatus.Sent)
            .SetProperty(m => m.SentAt, now)
            .SetProperty(m => m.MessageId, messageId)
            .SetProperty(m => m.Recipient, recipient)
            .SetProperty(m => m.LastError, (string?)null)
            .SetProperty(m => m.LockToken, (Guid?)null)
            .SetProperty(m => m.LockedUntil, (DateTime?)null), CancellationToken.None);
        if (message.Kind == OutboxKind.Reminder)
            timeline.Add(new AuditEntry
            {
                EntityType = "Reminder", EntityId = message.Id.ToString(), ClientId = message.ClientId, Action = AuditAction.Sent, At = now,
                Changes = [new AuditFieldChange("Deadline", null, message.Deadline!.Title), new AuditFieldChange("Recipient", null, recipient)],
            });
        _sent++;
    }

    /// <summary>
    /// The batch's timeline entries in one save, after its last send: a save per email cost a second disk sync
    /// per email. Saved even if the caller gives up, since those emails have left.
    /// </summary>
    private async Task RecordOnTimelinesAsync(List<AuditEntry> entries)
    {
        if (entries.Count == 0) return;
        db.AuditEntries.AddRange(entries);
        await db.SaveChangesAsync(CancellationToken.None);
        // One context serves every batch of a run: entries left tracked would make each later save scan them all.
        foreach (var entry in entries) db.AuditEntries.Entry(entry).State = EntityState.Detached;
    }

    private async Task MarkFailedAttemptAsync(OutboxMessage message, Guid token, Exception error, CancellationToken ct)
    {
        var permanent = error is EmailDeliveryException { Permanent: true };
        var attempts = message.Attempts; // the claim already counted this attempt
        var giveUp = permanent || attempts >= _settings.MaxAttempts;
        var retryAt = clock.GetUtcNow().UtcDateTime + ReminderSettings.Backoff(attempts);
        var text = error.Message.Length > 1000 ? error.Message[..1000] : error.Message;
        logger.LogWarning("Outbox message {Id} attempt {Attempt} failed ({Outcome}): {Error}", message.Id, attempts, giveUp ? "giving up" : "will retry", text);

        await Mine(message, token).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Status, giveUp ? OutboxStatus.Failed : OutboxStatus.Pending)
            .SetProperty(m => m.DueAt, giveUp ? message.DueAt : retryAt)
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
