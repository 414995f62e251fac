using Consultancy.Application.Common;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Reminders;
using FluentValidation;
using MediatR;

namespace Consultancy.Application.Clients;

/// <summary>
/// The consultant turns a client's reminders off, or back on after the client asked for that (the note
/// records why, on the client's timeline). Pending reminders are cancelled or planned again.
/// </summary>
public sealed record SetReminderOptOut(int ClientId, bool OptedOut, string? Note) : IRequest<Unit>;

internal sealed class SetReminderOptOutValidator : AbstractValidator<SetReminderOptOut>
{
    public SetReminderOptOutValidator() =>
        RuleFor(r => r.Note).NotEmpty().When(r => !r.OptedOut)
            .WithMessage("Say why reminders are turned back on, e.g. \"Client asked by email on 3 May\".")
            // After the When, which holds for every check before it: a note turning reminders off is checked too.
            .MaximumLength(500).SingleLine();
}

internal sealed class SetReminderOptOutHandler(IAppDbContext db, ReminderPlanner planner, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<SetReminderOptOut, Unit>
{
    public async Task<Unit> Handle(SetReminderOptOut request, CancellationToken ct)
    {
        var client = await db.Clients.GetAsync(request.ClientId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        if (request.OptedOut) client.OptOutOfReminders(now);
        else client.OptBackIntoReminders();
        if (!string.IsNullOrWhiteSpace(request.Note))
            client.AddNote((request.OptedOut ? "Reminders turned off: " : "Reminders turned back on: ") + request.Note.Trim(), now, user.UserId);

        await planner.ReplanClientAsync(client, ct);
        await db.SaveChangesAsync(ct);
        return Unit.Value;
    }
}
