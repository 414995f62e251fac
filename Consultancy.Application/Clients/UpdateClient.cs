using Consultancy.Application.Common;
using AutoMapper;
using Consultancy.Application.Common.Exceptions;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using FluentValidation;
using Consultancy.Application.Reminders;
using MediatR;
using Microsoft.EntityFrameworkCore;
using ValidationException = Consultancy.Application.Common.Exceptions.ValidationException;

namespace Consultancy.Application.Clients;

public sealed record UpdateClient : ClientFields, IRequest<Unit>, IConcurrencyChecked
{
    public int Id { get; set; }

    /// <summary>The version the user started editing from; a different current version is a conflict.</summary>
    public Guid Version { get; set; }

    internal sealed class Mapping : Profile
    {
        public Mapping() => CreateMap<Client, UpdateClient>();
    }
}

internal sealed class UpdateClientValidator : AbstractValidator<UpdateClient>
{
    public UpdateClientValidator(TimeProvider clock) => Include(new ClientFieldsValidator(clock));
}

internal sealed class UpdateClientHandler(IAppDbContext db, IMapper mapper, ReminderPlanner planner) : IRequestHandler<UpdateClient, Unit>
{
    public async Task<Unit> Handle(UpdateClient request, CancellationToken ct)
    {
        var client = await db.Clients.GetAsync(request.Id, ct);
        await db.SaveEditAsync(client, request.Version, async () =>
        {
            if (await db.IsTakenAsync(request.Email, client.Id, ct))
                throw new ValidationException(nameof(request.Email), ClientEmail.TakenMessage);
            var before = client.ReminderPlanInputs;
            request.ApplyTo(client);
            if (client.ReminderPlanInputs != before)
                await planner.ReplanClientAsync(client, ct);
        }, async () => await db.Clients.GetAsAsync<Client, UpdateClient>(request.Id, mapper.ConfigurationProvider, ct), ct);
        return Unit.Value;
    }
}
