using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using FluentValidation;
using MediatR;

namespace Consultancy.Application.Clients;

public sealed record ChangeClientStage(int ClientId, ClientStage Stage) : IRequest<Unit>;

internal sealed class ChangeClientStageValidator : AbstractValidator<ChangeClientStage>
{
    public ChangeClientStageValidator() =>
        RuleFor(c => c.Stage).IsInEnum().WithMessage("Choose a stage from the list.");
}

internal sealed class ChangeClientStageHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<ChangeClientStage, Unit>
{
    public async Task<Unit> Handle(ChangeClientStage request, CancellationToken ct)
    {
        var client = await db.Clients.GetAsync(request.ClientId, ct);
        if (client.MoveToStage(request.Stage, clock.GetUtcNow().UtcDateTime, user.UserId))
            await db.SaveChangesAsync(ct);
        return Unit.Value;
    }
}
