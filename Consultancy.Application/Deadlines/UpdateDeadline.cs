using Consultancy.Application.Common;
using AutoMapper;
using Consultancy.Application.Common.Exceptions;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using Consultancy.Application.Reminders;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Application.Deadlines;

public sealed record UpdateDeadline : DeadlineFields, IRequest<Unit>, IConcurrencyChecked
{
    public int Id { get; set; }
    public int ClientId { get; set; }
    public Guid Version { get; set; }

    internal sealed class Mapping : Profile
    {
        public Mapping() => CreateMap<Deadline, UpdateDeadline>()
            .ForMember(d => d.ReminderOffsets, o => o.MapFrom(d => d.ReminderOffsets.ToString()))
            .ForMember(d => d.DueDate, o => o.MapFrom(d => (DateOnly?)d.DueDate));
    }
}

internal sealed class UpdateDeadlineValidator : AbstractValidator<UpdateDeadline>
{
    public UpdateDeadlineValidator() => Include(new DeadlineFieldsValidator());
}

internal sealed class UpdateDeadlineHandler(IAppDbContext db, ReminderPlanner planner, IMapper mapper)
    : IRequestHandler<UpdateDeadline, Unit>
{
    public async Task<Unit> Handle(UpdateDeadline request, CancellationToken ct)
    {
        var deadline = await db.Deadlines.GetWithClientAsync(request.Id, ct);
        await db.SaveEditAsync(deadline, request.Version, async () =>
        {
            request.ApplyTo(deadline);
            await planner.ReplanAsync([deadline], ct);
        }, async () => await db.Deadlines.GetAsAsync<Deadline, UpdateDeadline>(request.Id, mapper.ConfigurationProvider, ct), ct);
        return Unit.Value;
    }
}
