using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Application.Letters;

/// <summary>
/// The letter rules evaluated for one client, against their target system, specialties and season, and the letters
/// assigned to the season's applications.
/// </summary>
public sealed record GetLetterWarnings(int ClientId) : IRequest<IReadOnlyList<LetterWarning>>;

internal sealed class GetLetterWarningsHandler(IAppDbContext db, TimeProvider clock) : IRequestHandler<GetLetterWarnings, IReadOnlyList<LetterWarning>>
{
    /// <summary>The season key date the upload rule counts back from.</summary>
    public const string ProgramsReceiveKey = "programs-receive";

    public async Task<IReadOnlyList<LetterWarning>> Handle(GetLetterWarnings request, CancellationToken ct)
    {
        var client = await db.Clients.AsNoTracking().SingleOrDefaultAsync(c => c.Id == request.ClientId, ct)
            ?? throw new Common.Exceptions.NotFoundException(nameof(Client), request.ClientId);
        var letters = await db.LetterRequests.AsNoTracking().Where(l => l.ClientId == client.Id)
            .Select(l => new LetterFacts(l.RefereeName, l.System, l.Specialty, l.Status, l.IsUsCanadianPhysician, l.DueDate))
            .ToListAsync(ct);
        var programsReceive = client.Season is null ? null : await db.SeasonKeyDates
            .Where(k => k.Key == ProgramsReceiveKey && db.Seasons.Any(s => s.Id == k.SeasonId && s.Name == client.Season && s.System == TargetSystem.ErasNrmp))
            .Select(k => (DateOnly?)k.Date).FirstOrDefaultAsync(ct);
        var applications = await ApplicationLetterCounts.ReadAsync(db, [client.Id], ct);
        var today = LocalTimes.Today(clock.GetUtcNow().UtcDateTime, TimeZones.Find(client.TimeZoneId));

        return LetterRules.Evaluate(new LetterPlan(client.TargetSystem, client.ImgType, client.TargetSpecialties, today, programsReceive, letters,
            applications[client.Id].ToList()));
    }
}
