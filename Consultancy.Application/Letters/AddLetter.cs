using Consultancy.Application.Clients;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Common.Settings;
using Consultancy.Application.Domain;
using Consultancy.Application.Reminders;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.Options;
using ValidationException = Consultancy.Application.Common.Exceptions.ValidationException;

namespace Consultancy.Application.Letters;

/// <summary>
/// Plans a letter (status Planned), sent to the client's applications chosen on the form, and the client deadline that
/// carries its due date and the applicant's reminders.
/// </summary>
public sealed record AddLetter : LetterFields, IRequest<int>
{
    public int ClientId { get; set; }
}

internal sealed class AddLetterValidator : AbstractValidator<AddLetter>
{
    public AddLetterValidator() => Include(new LetterFieldsValidator());
}

internal sealed class AddLetterHandler(IAppDbContext db, ReminderPlanner reminders, TimeProvider clock, IOptions<ReminderSettings> settings)
    : IRequestHandler<AddLetter, int>
{
    public async Task<int> Handle(AddLetter request, CancellationToken ct)
    {
        var client = await db.Clients.GetAsync(request.ClientId, ct);
        var applications = await db.ProgramApplications.ChosenForLetterAsync(client.Id, request.ApplicationIds, nameof(request.ApplicationIds), ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var letter = new LetterRequest(client, request.DueDate!.Value, now);
        request.ApplyTo(letter);
        if (letter.WhyNotAssignTo(applications) is { } why) throw new ValidationException(nameof(request.ApplicationIds), why);
        letter.AssignTo(applications);
        var deadline = new Deadline(client, now)
        {
            Title = letter.Title,
            Category = DeadlineCategory.Letters,
            DueDate = letter.DueDate,
            ReminderOffsets = settings.Value.DefaultReminderOffsets,
        };
        deadline.AnchorTo(TimeZones.Find(client.TimeZoneId));
        letter.AttachDeadline(deadline);

        // Reminder rows are keyed by the deadline's id, so it is saved first; one transaction keeps all or nothing.
        await using var transaction = await db.BeginTransactionAsync(ct);
        db.Deadlines.Add(deadline);
        db.LetterRequests.Add(letter);
        await db.SaveChangesAsync(ct);
        await reminders.ReplanAsync([deadline], ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return letter.Id;
    }
}
