using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Application.Letters;

/// <summary>
/// The client's applications a letter can go to, for the letter form: every application still open to a new letter, and
/// the withdrawn or rejected ones the letter already goes to (so they can be kept or taken off). By season, then program.
/// Another consultant's client has none: the form is shown only after its client was found.
/// </summary>
public sealed record GetLetterApplicationChoices(int ClientId, int? LetterId = null) : IRequest<IReadOnlyList<LetterApplicationChoice>>;

public sealed record LetterApplicationChoice(int Id, string Season, string ProgramName, ProgramSystem System, ApplicationStatus Status)
{
    public bool IsClosed => Status is ApplicationStatus.Withdrawn or ApplicationStatus.Rejected;
}

internal sealed class GetLetterApplicationChoicesHandler(IAppDbContext db)
    : IRequestHandler<GetLetterApplicationChoices, IReadOnlyList<LetterApplicationChoice>>
{
    public async Task<IReadOnlyList<LetterApplicationChoice>> Handle(GetLetterApplicationChoices request, CancellationToken ct) =>
        await db.ProgramApplications.AsNoTracking()
            .Where(a => a.ClientId == request.ClientId
                && ((a.Status != ApplicationStatus.Withdrawn && a.Status != ApplicationStatus.Rejected)
                    || db.LetterAssignments.Any(l => l.ApplicationId == a.Id && l.LetterRequestId == request.LetterId)))
            .OrderBy(a => a.Season).ThenBy(a => a.Program!.Name).ThenBy(a => a.Id)
            .Select(a => new LetterApplicationChoice(a.Id, a.Season, a.Program!.Name, a.Program.System, a.Status))
            .ToListAsync(ct);
}
