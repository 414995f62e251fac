using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Common.Paging;
using Consultancy.Application.Domain;
using MediatR;

namespace Consultancy.Application.Letters;

/// <summary>
/// Across the caseload, the letters waiting on referees (requested or confirmed, not yet uploaded), overdue first; or
/// instead the letters uploaded, newest first, where an upload recorded by mistake is taken back.
/// </summary>
public sealed record GetLettersWaiting : IRequest<PagedList<WaitingLetter>>
{
    public bool Uploaded { get; set; }
    public string? Search { get; set; }
    public LetterSystem? System { get; set; }
    public string? ConsultantId { get; set; }
    public int Page { get; set; } = 1;
    public int PageSize { get; set; } = Paging.DefaultPageSize;
}

public sealed record WaitingLetter(
    int Id, int ClientId, string ClientName, string ClientTimeZoneId, string ConsultantName, string RefereeName, string RefereeEmail,
    string? Institution, LetterSystem System, string Specialty, LetterStatus Status, DateTime? RequestedAt, DateOnly DueDate, DateOnly? UploadedOn)
{
    /// <summary>Past its due date in the client's own zone.</summary>
    public bool IsOverdueAt(DateTime nowUtc) => Status != LetterStatus.Uploaded && DueDate < ClientsToday(nowUtc);

    /// <summary>Today in the client's own zone: the day a letter marked uploaded now is uploaded on.</summary>
    public DateOnly ClientsToday(DateTime nowUtc) => LocalTimes.Today(nowUtc, TimeZones.Find(ClientTimeZoneId));

    /// <summary>The request may be sent again: the referee has not answered yet.</summary>
    public bool MayBeResent => Status == LetterStatus.Requested;
}

internal sealed class GetLettersWaitingHandler(IAppDbContext db) : IRequestHandler<GetLettersWaiting, PagedList<WaitingLetter>>
{
    public Task<PagedList<WaitingLetter>> Handle(GetLettersWaiting request, CancellationToken ct)
    {
        var letters = request.Uploaded
            ? db.LetterRequests.Where(l => l.Status == LetterStatus.Uploaded && !l.Client!.IsArchived)
            : db.LetterRequests.Where(l => (l.Status == LetterStatus.Requested || l.Status == LetterStatus.Confirmed) && !l.Client!.IsArchived);
        if (request.System is { } system) letters = letters.Where(l => l.System == system);
        if (!string.IsNullOrWhiteSpace(request.ConsultantId)) letters = letters.Where(l => l.Client!.ConsultantId == request.ConsultantId);
        if (!string.IsNullOrWhiteSpace(request.Search))
        {
            var term = request.Search.Trim().ToLower();
            letters = letters.Where(l => l.RefereeName.ToLower().Contains(term) || l.RefereeEmail.ToLower().Contains(term)
                || (l.Institution != null && l.Institution.ToLower().Contains(term))
                || (l.Client!.FirstName + " " + l.Client.LastName).ToLower().Contains(term));
        }

        // Ascending due dates put the overdue letters first; the latest uploads are the ones a mistake is found in.
        var ordered = request.Uploaded
            ? letters.OrderByDescending(l => l.UploadedOn).ThenByDescending(l => l.StatusChangedAt).ThenByDescending(l => l.Id)
            : letters.OrderBy(l => l.DueDate).ThenBy(l => l.Id);
        return ordered
            .Select(l => new WaitingLetter(l.Id, l.ClientId, l.Client!.FirstName + " " + l.Client.LastName, l.Client.TimeZoneId,
                l.Client.Consultant!.DisplayName, l.RefereeName, l.RefereeEmail, l.Institution, l.System, l.Specialty, l.Status,
                l.RequestedAt, l.DueDate, l.UploadedOn))
            .ToPagedListAsync(request.Page, request.PageSize, ct);
    }
}
