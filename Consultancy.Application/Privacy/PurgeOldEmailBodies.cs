using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Common.Settings;
using Consultancy.Application.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Consultancy.Application.Privacy;

/// <summary>
/// Deletes the text and HTML bodies of finished emails older than <c>Privacy:EmailBodyRetentionDays</c>, keeping
/// who, what kind, subject, status and times. "Older" counts from sending for sent emails and from the later of
/// creation and due time for cancelled and failed ones. Pending emails are never touched. Answers how many
/// emails lost their body.
/// </summary>
public sealed record PurgeOldEmailBodies : IRequest<int>;

internal sealed class PurgeOldEmailBodiesHandler(IAppDbContext db, TimeProvider clock, IOptions<PrivacySettings> settings)
    : IRequestHandler<PurgeOldEmailBodies, int>
{
    public Task<int> Handle(PurgeOldEmailBodies request, CancellationToken ct)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime - settings.Value.EmailBodyRetention;
        return db.OutboxMessages.IgnoreQueryFilters()
            .Where(m => m.TextBody != null || m.HtmlBody != null)
            .Where(m => (m.Status == OutboxStatus.Sent && m.SentAt < cutoff)
                || ((m.Status == OutboxStatus.Cancelled || m.Status == OutboxStatus.Failed) && m.CreatedAt < cutoff && m.DueAt < cutoff))
            .ExecuteUpdateAsync(set => set.SetProperty(m => m.TextBody, (string?)null).SetProperty(m => m.HtmlBody, (string?)null), ct);
    }
}
