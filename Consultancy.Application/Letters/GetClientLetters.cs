using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Application.Letters;

/// <summary>
/// A client's letters, open ones first and soonest due first, each with the programs it goes to and the emails sent to its
/// referee. Three queries whatever the number of letters.
/// </summary>
public sealed record GetClientLetters(int ClientId) : IRequest<IReadOnlyList<ClientLetter>>;

public sealed record ClientLetter(
    int Id, string RefereeName, string RefereeEmail, string? RefereeTitle, string? Institution, string? Location,
    bool IsUsCanadianPhysician, string? Relationship, string Specialty, LetterSystem System, LetterStatus Status,
    LetterActor StatusChangedBy, DateTime? StatusChangedAt, DateTime? RequestedAt, DateOnly? UploadedOn, string? DeclineReason,
    DateOnly DueDate, bool IsOverdue, string? ErasLetterId, IReadOnlyList<string> Programs, string? Notes, bool FollowUpsStopped,
    IReadOnlyList<LetterStatus> NextByHand, IReadOnlyList<RefereeEmailItem> Emails)
{
    public bool CanSendRequest => Status is LetterStatus.Planned or LetterStatus.Requested;

    /// <summary>The programs it goes to, as the client page lists them: the first five, then how many more.</summary>
    public string ProgramList => LetterRules.NameList(Programs);
}

public sealed record RefereeEmailItem(long Id, OutboxKind Kind, int? FollowUpNumber, DateTime DueAt, OutboxStatus Status, DateTime? SentAt, string? CancelReason);

internal sealed class GetClientLettersHandler(IAppDbContext db, TimeProvider clock)
    : IRequestHandler<GetClientLetters, IReadOnlyList<ClientLetter>>
{
    public async Task<IReadOnlyList<ClientLetter>> Handle(GetClientLetters request, CancellationToken ct)
    {
        var letters = await db.LetterRequests.AsNoTracking().Include(l => l.Client)
            .Where(l => l.ClientId == request.ClientId)
            .OrderBy(l => l.Status == LetterStatus.Declined || l.Status == LetterStatus.Cancelled).ThenBy(l => l.DueDate).ThenBy(l => l.Id)
            .ToListAsync(ct);
        if (letters.Count == 0) return [];
        var ids = letters.Select(l => l.Id).ToList();
        var emails = (await db.OutboxMessages.AsNoTracking()
                .Where(m => m.LetterRequestId != null && ids.Contains(m.LetterRequestId.Value) && m.Kind != OutboxKind.LetterNotice)
                .OrderBy(m => m.DueAt).ThenBy(m => m.Id)
                .ToListAsync(ct))
            .ToLookup(m => m.LetterRequestId);
        var programs = (await db.LetterAssignments.AsNoTracking().Where(a => a.ClientId == request.ClientId)
                .OrderBy(a => a.Application!.Program!.Name).ThenBy(a => a.ApplicationId)
                .Select(a => new { a.LetterRequestId, a.Application!.Program!.Name })
                .ToListAsync(ct))
            .ToLookup(a => a.LetterRequestId, a => a.Name);
        var today = LocalTimes.Today(clock.GetUtcNow().UtcDateTime, TimeZones.Find(letters[0].Client!.TimeZoneId));

        return letters.Select(l => new ClientLetter(l.Id, l.RefereeName, l.RefereeEmail, l.RefereeTitle, l.Institution, l.Location,
                l.IsUsCanadianPhysician, l.Relationship, l.Specialty, l.System, l.Status, l.StatusChangedBy, l.StatusChangedAt, l.RequestedAt,
                l.UploadedOn, l.DeclineReason, l.DueDate, l.IsActive && l.DueDate < today, l.ErasLetterId, programs[l.Id].ToList(), l.Notes,
                l.FollowUpsStopped, l.NextByHand,
                emails[l.Id].Select(m => new RefereeEmailItem(m.Id, m.Kind, m.FollowUpNumber, m.DueAt, m.Status, m.SentAt, m.CancelReason)).ToList()))
            .ToList();
    }
}
