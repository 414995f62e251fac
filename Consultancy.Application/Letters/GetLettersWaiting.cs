using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Common.Paging;
using Consultancy.Application.Domain;
using MediatR;

namespace Consultancy.Application.Letters;

/// <summary>Across the caseload, the letters waiting on referees (requested or confirmed, not yet uploaded), overdue first.</summary>
public sealed record GetLettersWaiting : IRequest<PagedList<WaitingLetter>>
{
    public string? Search { get; set; }
    public LetterSystem? System { get; set; }
    public string? ConsultantId { get; set; }
    public int Page { get; set; } = 1;
    public int PageSize { get; set; } = Paging.DefaultPageSize;
}

public sealed record WaitingLetter(
    int Id, int ClientId, string ClientName, string ClientTimeZoneId, string ConsultantName, string RefereeName, string RefereeEmail,
    string? Institution, LetterSystem System, string Specialty, LetterStatus Status, DateTime? RequestedAt, DateOnly DueDate)
{
    /// <summary>Past its due date in the client's own zone.</summary>
    public bool IsOverdueAt(DateTime nowUtc) => DueDate < LocalTimes.Today(nowUtc, TimeZones.Find(ClientTimeZoneId));
}

internal sealed class GetLettersWaitingHandler(IAppDbContext db) : IRequestHandler<GetLettersWaiting, PagedList<WaitingLetter>>
{
    public Task<PagedList<WaitingLetter>> Handle(GetLettersWaiting request, CancellationToken ct)
    {
        var letters = db.LetterRequests.Where(l =>
            (l.Status == LetterStatus.Requested || l.Status == LetterStatus.Confirmed) && !l.Client!.IsArchived);
        if (request.System is { } system) letters = letters.Where(l => l.System == system);
        if (!string.IsNullOrWhiteSpace(request.ConsultantId)) letters = letters.Where(l => l.Client!.ConsultantId == request.ConsultantId);
        if (!string.IsNullOrWhiteSpace(request.Search))
        {
            var term = request.Search.Trim().ToLower();
            letters = letters.Where(l => l.RefereeName.ToLower().Contains(term) || l.RefereeEmail.ToLower().Contains(term)
                || (l.Institution != null && l.Institution.ToLower().Contains(term))
                || (l.Client!.FirstName + " " + l.Client.LastName).ToLower().Contains(term));
        }

        // Ascending due dates put the overdue letters first.
        return letters.OrderBy(l => l.DueDate).ThenBy(l => l.Id)
            .Select(l => new WaitingLetter(l.Id, l.ClientId, l.Client!.FirstName + " " + l.Client.LastName, l.Client.TimeZoneId,
                l.Client.Consultant!.DisplayName, l.RefereeName, l.RefereeEmail, l.Institution, l.System, l.Specialty, l.Status,
                l.RequestedAt, l.DueDate))
            .ToPagedListAsync(request.Page, request.PageSize, ct);
    }
}
