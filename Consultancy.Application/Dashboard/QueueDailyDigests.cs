using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Common.Settings;
using Consultancy.Application.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Consultancy.Application.Dashboard;

/// <summary>
/// Writes today's digest to the outbox for every active consultant who has it on and whose local time has
/// passed <see cref="DigestSettings.SendHour"/> in their own zone. The dedup key names the consultant and their
/// local date, so a second run, a restart or a second app instance adds nothing. The content is rendered now,
/// when it is queued: it reports the day as it stood at the send hour, the outbox shows exactly what went out,
/// and the dispatcher (which sends within its next run) needs no per-consultant caseload of its own.
/// </summary>
public sealed record QueueDailyDigests : IRequest<int>;

internal sealed class QueueDailyDigestsHandler(
    IAppDbContext db, IMediator mediator, DigestEmail email, TimeProvider clock, IOptions<DigestSettings> options)
    : IRequestHandler<QueueDailyDigests, int>
{
    public async Task<int> Handle(QueueDailyDigests request, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var sendTime = options.Value.SendTime;
        var consultants = await db.UserProfiles.AsNoTracking()
            .Where(u => u.IsActive && u.Role == UserRole.Consultant && !u.DigestOptedOut)
            .Select(u => new { u.Id, u.Email, u.DisplayName, u.TimeZoneId })
            .ToListAsync(ct);

        var due = consultants
            .Select(c => new { Consultant = c, Zone = TimeZones.Find(c.TimeZoneId) })
            .Select(c => new { c.Consultant, c.Zone, Local = TimeZoneInfo.ConvertTimeFromUtc(now, c.Zone) })
            .Where(c => TimeOnly.FromDateTime(c.Local) >= sendTime)
            .Select(c => new { c.Consultant, c.Zone, Key = OutboxMessage.DigestKey(c.Consultant.Id, DateOnly.FromDateTime(c.Local)) })
            .ToList();
        var keys = due.Select(d => d.Key).ToList();
        var written = (await db.OutboxMessages.Where(m => keys.Contains(m.DedupKey)).Select(m => m.DedupKey).ToListAsync(ct)).ToHashSet();

        var queued = 0;
        foreach (var digest in due.Where(d => !written.Contains(d.Key)))
        {
            var day = await mediator.Send(new GetDashboard(digest.Zone.Id, digest.Consultant.Id), ct);
            var (subject, text, html) = email.Render(digest.Consultant.DisplayName, digest.Zone, day);
            var message = OutboxMessage.Fixed(OutboxKind.Digest, digest.Key, digest.Consultant.Email, subject, text, html, now);
            db.OutboxMessages.Add(message);
            try
            {
                await db.SaveChangesAsync(ct);
                queued++;
            }
            catch (DbUpdateException)
            {
                // Another instance wrote this consultant's digest between our check and our save: theirs stands.
                db.OutboxMessages.Entry(message).State = EntityState.Detached;
            }
        }
        return queued;
    }
}
