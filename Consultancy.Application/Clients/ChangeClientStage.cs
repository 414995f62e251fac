using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using Consultancy.Application.Reminders;
using FluentValidation;
using MediatR;

namespace Consultancy.Application.Clients;

public sealed record ChangeClientStage(int ClientId, ClientStage Stage) : IRequest<Unit>;

internal sealed class ChangeClientStageValidator : AbstractValidator<ChangeClientStage>
{
    public ChangeClientStageValidator() =>
        RuleFor(c => c.Stage).IsInEnum().WithMessage("Choose a stage from the list.");
}

/// <summary>Moves the client to a stage; entering or leaving a stage without reminders cancels or re-plans them in the same save.</summary>
internal sealed class ChangeClientStageHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock, ReminderPlanner planner)
    : IRequestHandler<ChangeClientStage, Unit>
{
    public async Task<Unit> Handle(ChangeClientStage request, CancellationToken ct)
    {
        var client = await db.Clients.GetAsync(request.ClientId, ct);
        var before = client.ReminderPlanInputs;
        if (!client.MoveToStage(request.Stage, clock.GetUtcNow().UtcDateTime, user.UserId)) return Unit.Value;
        if (client.ReminderPlanInputs != before) await planner.ReplanClientAsync(client, ct);
        await db.SaveChangesAsync(ct);
        return Unit.Value;
    }
}
