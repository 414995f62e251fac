using Consultancy.Application.Clients;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using Consultancy.Application.Reminders;
using FluentValidation;
using MediatR;

namespace Consultancy.Application.Deadlines;

public sealed record AddDeadline : DeadlineFields, IRequest<int>
{
    public int ClientId { get; set; }
}

internal sealed class AddDeadlineValidator : AbstractValidator<AddDeadline>
{
    public AddDeadlineValidator() => Include(new DeadlineFieldsValidator());
}

internal sealed class AddDeadlineHandler(IAppDbContext db, ReminderPlanner planner, TimeProvider clock)
    : IRequestHandler<AddDeadline, int>
{
    public async Task<int> Handle(AddDeadline request, CancellationToken ct)
    {
        var client = await db.Clients.GetAsync(request.ClientId, ct);
        var deadline = new Deadline(client, clock.GetUtcNow().UtcDateTime);
        request.ApplyTo(deadline);
        deadline.AnchorTo(TimeZones.Find(client.TimeZoneId));

        // Reminder rows are keyed by the deadline's id, so the deadline is saved first; one transaction keeps both or neither.
        await using var transaction = await db.BeginTransactionAsync(ct);
        db.Deadlines.Add(deadline);
        await db.SaveChangesAsync(ct);
        await planner.ReplanAsync([deadline], ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return deadline.Id;
    }
}
