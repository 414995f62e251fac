using Consultancy.Application.Common.Exceptions;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using FluentValidation;
using MediatR;
using ValidationException = Consultancy.Application.Common.Exceptions.ValidationException;

namespace Consultancy.Application.Clients;

public sealed record CreateClient : ClientFields, IRequest<int>
{
    public ClientStage Stage { get; set; } = ClientStage.Lead;

    /// <summary>Admins choose; a consultant's new client is always their own.</summary>
    public string? ConsultantId { get; set; }
}

internal sealed class CreateClientValidator : AbstractValidator<CreateClient>
{
    public CreateClientValidator(TimeProvider clock)
    {
        Include(new ClientFieldsValidator(clock));
        RuleFor(c => c.Stage).IsInEnum().WithMessage("Choose a stage from the list.");
    }
}

internal sealed class CreateClientHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<CreateClient, int>
{
    public async Task<int> Handle(CreateClient request, CancellationToken ct)
    {
        var consultantId = await ResolveConsultantAsync(request.ConsultantId, ct);
        if (await db.IsTakenAsync(request.Email, null, ct))
            throw new ValidationException(nameof(request.Email), ClientEmail.TakenMessage);

        var client = Client.Open(consultantId, request.Stage, clock.GetUtcNow().UtcDateTime, user.UserId);
        request.ApplyTo(client);
        db.Clients.Add(client);
        await db.SaveChangesAsync(ct);
        return client.Id;
    }

    private async Task<string> ResolveConsultantAsync(string? requested, CancellationToken ct)
    {
        var me = user.UserId ?? throw new ForbiddenException("Sign in to add clients.");
        if (!user.IsAdmin || string.IsNullOrEmpty(requested) || requested == me) return me;
        if (!await db.IsActiveStaffAsync(requested, ct))
            throw new ValidationException(nameof(CreateClient.ConsultantId), "Choose an active consultant.");
        return requested;
    }
}
