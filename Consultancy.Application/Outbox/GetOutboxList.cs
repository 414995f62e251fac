using Consultancy.Application.Common;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Common.Paging;
using Consultancy.Application.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Application.Outbox;

/// <summary>Every email the app has sent or will send: admins see all, consultants those about their clients.</summary>
public sealed record GetOutboxList : IRequest<PagedList<OutboxListItem>>
{
    public OutboxStatus? Status { get; set; }
    public OutboxKind? Kind { get; set; }
    public int? ClientId { get; set; }
    /// <summary>Part of the recipient's address, the client's name, the deadline's title or the subject.</summary>
    public string? Search { get; set; }
    public int Page { get; set; } = 1;
    public int PageSize { get; set; } = Paging.DefaultPageSize;
}

public sealed record OutboxListItem(
    long Id, OutboxKind Kind, OutboxStatus Status, string Recipient, int? ClientId, string? ClientName, string? DeadlineTitle,
    DateTime DueAt, DateTime? SentAt, int Attempts, string? LastError, string? CancelReason);

internal sealed class GetOutboxListHandler(IAppDbContext db) : IRequestHandler<GetOutboxList, PagedList<OutboxListItem>>
{
    public Task<PagedList<OutboxListItem>> Handle(GetOutboxList request, CancellationToken ct)
    {
        var messages = db.OutboxMessages.AsQueryable();
        if (request.Status is { } status) messages = messages.Where(m => m.Status == status);
        if (request.Kind is { } kind) messages = messages.Where(m => m.Kind == kind);
        if (request.ClientId is { } clientId) messages = messages.Where(m => m.ClientId == clientId);
        // Both sides lower-cased: LIKE ignores case on SQLite but not on PostgreSQL.
        if (SearchPattern(request.Search) is { } pattern)
            messages = messages.Where(m => EF.Functions.Like(m.Recipient.ToLower(), pattern, LikePattern.Escape)
                || (m.Client != null && EF.Functions.Like((m.Client.FirstName + " " + m.Client.LastName).ToLower(), pattern, LikePattern.Escape))
                || (m.Deadline != null && EF.Functions.Like(m.Deadline.Title.ToLower(), pattern, LikePattern.Escape))
                || (m.Subject != null && EF.Functions.Like(m.Subject.ToLower(), pattern, LikePattern.Escape)));

        // Pending mail soonest first; everything else newest first.
        var ordered = request.Status == OutboxStatus.Pending
            ? messages.OrderBy(m => m.DueAt).ThenBy(m => m.Id)
            : messages.OrderByDescending(m => m.SentAt ?? m.DueAt).ThenByDescending(m => m.Id);
        return ordered
            .Select(m => new OutboxListItem(m.Id, m.Kind, m.Status, m.Recipient, m.ClientId,
                m.Client == null ? null : m.Client.FirstName + " " + m.Client.LastName,
                m.Deadline == null ? null : m.Deadline.Title,
                m.DueAt, m.SentAt, m.Attempts, m.LastError, m.CancelReason))
            .ToPagedListAsync(request.Page, request.PageSize, ct);
    }

    /// <summary>A case-insensitive "contains" pattern, with LIKE's wildcards in the term taken literally.</summary>
    private static string? SearchPattern(string? search)
    {
        var term = search?.Trim();
        if (string.IsNullOrEmpty(term)) return null;
        if (term.Length > 100) term = term[..100];
        return LikePattern.Containing(term.ToLowerInvariant());
    }
}
