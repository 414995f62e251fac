using Consultancy.Application.Common;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Common.Paging;
using Consultancy.Application.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Application.Outbox;

/// <summary>Which messages the outbox list shows: those of one status (named as <see cref="OutboxStatus"/> is), or all.</summary>
public enum OutboxShown
{
    /// <summary>What happens next: pending mail, soonest first.</summary>
    Pending = 0,
    Sent = 1,
    Failed = 2,
    Cancelled = 3,
    All = 4,
}

/// <summary>
/// Every email the app has sent or will send: admins see all, consultants those about their clients. It opens on
/// what happens next — pending mail, soonest due first — and shows the rest by status, newest first.
/// </summary>
public sealed record GetOutboxList : IRequest<OutboxList>
{
    public OutboxShown Status { get; set; }
    public OutboxKind? Kind { get; set; }
    public int? ClientId { get; set; }
    /// <summary>Part of the recipient's address, the client's name, the deadline's title or the subject.</summary>
    public string? Search { get; set; }
    public int Page { get; set; } = 1;
    public int PageSize { get; set; } = Paging.DefaultPageSize;
}

/// <param name="Failed">
/// How many of the messages matching the kind, client and search failed, whatever is shown: few rows, counted on the
/// status index, and the one count worth a look from any tab.
/// </param>
public sealed record OutboxList(PagedList<OutboxListItem> Messages, int Failed);

/// <param name="ApplicantTimeZoneId">The client's zone when the message goes to the client (as reminders do), else null.</param>
public sealed record OutboxListItem(
    long Id, OutboxKind Kind, OutboxStatus Status, string Recipient, int? ClientId, string? ClientName, string? DeadlineTitle,
    DateTime DueAt, DateTime? SentAt, int Attempts, string? LastError, string? CancelReason, string? ApplicantTimeZoneId);

internal sealed class GetOutboxListHandler(IAppDbContext db) : IRequestHandler<GetOutboxList, OutboxList>
{
    public async Task<OutboxList> Handle(GetOutboxList request, CancellationToken ct)
    {
        var messages = db.OutboxMessages.AsQueryable();
        if (request.Kind is { } kind) messages = messages.Where(m => m.Kind == kind);
        if (request.ClientId is { } clientId) messages = messages.Where(m => m.ClientId == clientId);
        // Both sides lower-cased: LIKE ignores case on SQLite but not on PostgreSQL.
        if (SearchPattern(request.Search) is { } pattern)
            messages = messages.Where(m => EF.Functions.Like(m.Recipient.ToLower(), pattern, LikePattern.Escape)
                || (m.Client != null && EF.Functions.Like((m.Client.FirstName + " " + m.Client.LastName).ToLower(), pattern, LikePattern.Escape))
                || (m.Deadline != null && EF.Functions.Like(m.Deadline.Title.ToLower(), pattern, LikePattern.Escape))
                || (m.Subject != null && EF.Functions.Like(m.Subject.ToLower(), pattern, LikePattern.Escape)));

        var page = await Ordered(messages, request.Status)
            .Select(m => new OutboxListItem(m.Id, m.Kind, m.Status, m.Recipient, m.ClientId,
                m.Client == null ? null : m.Client.FirstName + " " + m.Client.LastName,
                m.Deadline == null ? null : m.Deadline.Title,
                m.DueAt, m.SentAt, m.Attempts, m.LastError, m.CancelReason,
                m.Client != null && m.Recipient == m.Client.Email ? m.Client.TimeZoneId : null))
            .ToPagedListAsync(request.Page, request.PageSize, ct);
        var failed = request.Status == OutboxShown.Failed ? page.TotalCount : await messages.CountAsync(m => m.Status == OutboxStatus.Failed, ct);
        return new OutboxList(page, failed);
    }

    /// <summary>
    /// Pending mail soonest first, so what is due today (and anything overdue) leads and far-future reminders come last;
    /// sent mail by when it went; the rest by when it was due, newest first.
    /// </summary>
    private static IQueryable<OutboxMessage> Ordered(IQueryable<OutboxMessage> messages, OutboxShown shown) => shown switch
    {
        OutboxShown.Pending => messages.Where(m => m.Status == OutboxStatus.Pending).OrderBy(m => m.DueAt).ThenBy(m => m.Id),
        OutboxShown.Sent => messages.Where(m => m.Status == OutboxStatus.Sent).OrderByDescending(m => m.SentAt).ThenByDescending(m => m.Id),
        OutboxShown.Failed => messages.Where(m => m.Status == OutboxStatus.Failed).OrderByDescending(m => m.DueAt).ThenByDescending(m => m.Id),
        OutboxShown.Cancelled => messages.Where(m => m.Status == OutboxStatus.Cancelled).OrderByDescending(m => m.DueAt).ThenByDescending(m => m.Id),
        _ => messages.OrderByDescending(m => m.SentAt ?? m.DueAt).ThenByDescending(m => m.Id),
    };

    /// <summary>A case-insensitive "contains" pattern, with LIKE's wildcards in the term taken literally.</summary>
    private static string? SearchPattern(string? search)
    {
        var term = search?.Trim();
        if (string.IsNullOrEmpty(term)) return null;
        if (term.Length > 100) term = term[..100];
        return LikePattern.Containing(term.ToLowerInvariant());
    }
}
