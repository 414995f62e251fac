using System.Globalization;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using Consultancy.Application.Playbooks;
using MediatR;
using Microsoft.EntityFrameworkCore;
using ValidationException = Consultancy.Application.Common.Exceptions.ValidationException;

namespace Consultancy.Application.StrategyCalls;

/// <summary>
/// After a completed strategy call the lead becomes a client: stage Onboarding, a note on their timeline, and
/// optionally the chosen season's playbook applied (which also sets their season).
/// </summary>
public sealed record ConvertLeadToClient(int CallId, int? SeasonId) : IRequest<int>;

internal sealed class ConvertLeadToClientHandler(IAppDbContext db, ICurrentUser user, IMediator mediator, TimeProvider clock)
    : IRequestHandler<ConvertLeadToClient, int>
{
    public async Task<int> Handle(ConvertLeadToClient request, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var call = await db.StrategyCalls.GetAsync(request.CallId, ct);
        var client = call.Client!;
        if (call.Status != CallStatus.Completed)
            throw new ValidationException("", "Record the call as completed before converting the lead.");
        if (client.Stage is not (ClientStage.Lead or ClientStage.CallBooked))
            throw new ValidationException("", $"{client.FullName} is already a client ({client.Stage}).");
        var season = request.SeasonId is { } seasonId
            ? await db.Seasons.SingleOrDefaultAsync(s => s.Id == seasonId, ct) ?? throw new ValidationException(nameof(request.SeasonId), "Choose a season from the list.")
            : null;

        await using var transaction = await db.BeginTransactionAsync(ct);
        client.MoveToStage(ClientStage.Onboarding, now, user.UserId);
        var day = call.StartUtc.ToString("d MMM yyyy", CultureInfo.InvariantCulture);
        client.AddNote($"Converted to client after the strategy call of {day}" + (season is null ? "." : $"; {season.Name} plan applied."), now, user.UserId);
        if (season is not null) client.Season = season.Name;
        await db.SaveChangesAsync(ct);
        if (season is not null) await mediator.Send(new ApplyPlaybook(client.Id, season.Id), ct);
        await transaction.CommitAsync(ct);
        return client.Id;
    }
}
