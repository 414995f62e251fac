using Consultancy.Application.Common;
using Consultancy.Application.Common.Exceptions;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using Consultancy.Application.Security;
using FluentValidation;
using ValidationException = Consultancy.Application.Common.Exceptions.ValidationException;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Consultancy.Application.Privacy;

/// <summary>
/// Erases a client's personal data everywhere the app keeps it, for an admin who typed the client's full name to
/// confirm. The client stays as an anonymised row ("Erased client #12") with its stage, system, season, consultant,
/// deadlines, calls and letters, so every count and chart stays the same; what identifies the applicant or their
/// referees goes: profile fields, notes, note and call text, referee contacts, the values in the history, the
/// content of every email about them (pending ones are cancelled), and mentions of their name or address in the
/// security log and in other clients' notes, emails and history. One transaction: all of it or nothing. Logged with the client's
/// id only.
/// </summary>
public sealed record EraseClient(int ClientId, string ConfirmationName) : IRequest<Unit>;

internal sealed class EraseClientValidator : AbstractValidator<EraseClient>
{
    public EraseClientValidator() =>
        RuleFor(r => r.ConfirmationName).NotEmpty().WithMessage("Type the client's full name to confirm the erasure.");
}

internal sealed class EraseClientHandler(
    IAppDbContext db, ICurrentUser user, SecurityLog securityLog, TimeProvider clock, ILogger<EraseClientHandler> logger)
    : IRequestHandler<EraseClient, Unit>
{
    /// <summary>
    /// History values that stay after an erasure: categories, stages, statuses and dates of record, which say nothing
    /// about who the client is and keep the timeline readable. Everything else (names, addresses, titles, free text)
    /// is erased.
    /// </summary>
    private static readonly HashSet<string> AnonymousFields =
    [
        nameof(Client.Stage), nameof(Client.TargetSystem), nameof(Client.Season), nameof(Client.ConsultantId), nameof(Client.Source),
        nameof(Client.ImgType), nameof(Client.VisaNeed), nameof(Client.Step1Result), nameof(Client.Mccqe1Result), nameof(Client.NacOsceResult),
        nameof(Client.EcfmgStatus), nameof(Client.ProgramsPlanned), nameof(Client.IsArchived), nameof(Client.RemindersOptedOut),
        nameof(Deadline.Category), nameof(Deadline.DueDate), nameof(Deadline.DueTime), nameof(Deadline.Status), nameof(Deadline.ReminderOffsets),
        nameof(LetterRequest.System), nameof(LetterRequest.IsUsCanadianPhysician), nameof(LetterRequest.RequestsSent),
        nameof(LetterRequest.FollowUpsStopped),
    ];

    public async Task<Unit> Handle(EraseClient request, CancellationToken ct)
    {
        if (!user.IsAdmin) throw new ForbiddenException("Only an admin can erase a client.");
        var client = await db.Clients.SingleOrDefaultAsync(c => c.Id == request.ClientId, ct)
            ?? throw new NotFoundException(nameof(Client), request.ClientId);
        if (client.IsErased)
            throw new ValidationException(nameof(request.ConfirmationName), "This client's personal data has already been erased.");
        if (!string.Equals(request.ConfirmationName.Trim(), client.FullName, StringComparison.OrdinalIgnoreCase))
            throw new ValidationException(nameof(request.ConfirmationName), $"The name typed does not match this client's full name; nothing was erased.");

        var now = clock.GetUtcNow().UtcDateTime;
        var id = client.Id;

        await using var transaction = await db.BeginTransactionAsync(ct);

        // Every record of every client-owned kind, the client's own row included; each erases itself.
        var records = await db.RecordsOfClientAsync(id, ct);
        var erasure = new ClientErasure(client, records.OfType<LetterRequest>(), AnonymousFields, now);
        foreach (var record in records)
            if (record.ErasePersonalData(erasure) == AfterErasure.Delete) db.Delete(record);

        // Then mentions elsewhere, by the client's full name and address.
        var (mentions, replacement) = (erasure.Mentions, erasure.Replacement);
        var aboutClient = records.OfType<OutboxMessage>().Select(m => m.Id).ToList();
        foreach (var mention in mentions)
        {
            // Both sides lower-cased: LIKE ignores case on SQLite but not on PostgreSQL.
            var pattern = LikePattern.Containing(mention.ToLowerInvariant());
            foreach (var entry in await db.AuditEntriesMentioning(mention).Where(a => a.ClientId != id).ToListAsync(ct))
                entry.Redact(mentions, replacement);
            foreach (var note in await db.ClientNotes.Where(n => n.ClientId != id && EF.Functions.Like(n.Body.ToLower(), pattern, LikePattern.Escape)).ToListAsync(ct))
                note.Redact(mentions, replacement);
            foreach (var logged in await db.SecurityEvents
                         .Where(e => EF.Functions.Like(e.Actor!.ToLower(), pattern, LikePattern.Escape) || EF.Functions.Like(e.Subject!.ToLower(), pattern, LikePattern.Escape)
                             || EF.Functions.Like(e.Detail!.ToLower(), pattern, LikePattern.Escape))
                         .ToListAsync(ct))
                logged.Redact(mentions, replacement);
            foreach (var other in await db.OutboxMessages
                         .Where(m => !aboutClient.Contains(m.Id))
                         .Where(m => EF.Functions.Like(m.Recipient.ToLower(), pattern, LikePattern.Escape) || EF.Functions.Like(m.Subject!.ToLower(), pattern, LikePattern.Escape)
                             || EF.Functions.Like(m.TextBody!.ToLower(), pattern, LikePattern.Escape) || EF.Functions.Like(m.HtmlBody!.ToLower(), pattern, LikePattern.Escape)
                             || EF.Functions.Like(m.LastError!.ToLower(), pattern, LikePattern.Escape))
                         .ToListAsync(ct))
                other.Redact(mentions, replacement);
        }

        await securityLog.RecordAsync(SecurityEventKind.ClientErased, SecurityLog.ClientSubject(id), null, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);

        if (!await db.ExpungeErasedDataAsync(ct))
            logger.LogWarning("Client {ClientId} was erased, but a reader kept the write-ahead log from being cleared; the next checkpoint clears it.", id);
        return Unit.Value;
    }
}
