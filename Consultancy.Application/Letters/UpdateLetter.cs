using Consultancy.Application.Common;
using AutoMapper;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using Consultancy.Application.Reminders;
using FluentValidation;
using MediatR;
using ValidationException = Consultancy.Application.Common.Exceptions.ValidationException;

namespace Consultancy.Application.Letters;

/// <summary>
/// Edits a letter and replaces the applications it goes to, in one save; a new due date moves its deadline (and the
/// applicant's reminders) and re-plans the referee's follow-ups.
/// </summary>
public sealed record UpdateLetter : LetterFields, IRequest<Unit>, IConcurrencyChecked
{
    public int Id { get; set; }
    public int ClientId { get; set; }
    public Guid Version { get; set; }

    internal sealed class Mapping : Profile
    {
        // The applications are read beside the map (GetLetterForEditHandler.ReadAsync): maps fill flat fields only.
        public Mapping() => CreateMap<LetterRequest, UpdateLetter>()
            .ForMember(l => l.DueDate, o => o.MapFrom(l => (DateOnly?)l.DueDate))
            .ForMember(l => l.ApplicationIds, o => o.Ignore());
    }
}

internal sealed class UpdateLetterValidator : AbstractValidator<UpdateLetter>
{
    public UpdateLetterValidator() => Include(new LetterFieldsValidator());
}

internal sealed class UpdateLetterHandler(IAppDbContext db, ReminderPlanner reminders, LetterFollowUpPlanner followUps, IMapper mapper)
    : IRequestHandler<UpdateLetter, Unit>
{
    public async Task<Unit> Handle(UpdateLetter request, CancellationToken ct)
    {
        var letter = await db.LetterRequests.WithAssignments().GetAsync(request.Id, ct);
        var applications = await db.ProgramApplications.ChosenForLetterAsync(letter.ClientId, request.ApplicationIds, nameof(request.ApplicationIds), ct);
        await db.SaveEditAsync(letter, request.Version, async () =>
        {
            request.ApplyTo(letter);
            if (letter.WhyNotAssignTo(applications) is { } why) throw new ValidationException(nameof(request.ApplicationIds), why);
            letter.AssignTo(applications);
            letter.MoveDueDate(request.DueDate!.Value);
            if (letter.Deadline is { } deadline)
            {
                deadline.Title = letter.Title;
                await reminders.ReplanAsync([deadline], ct);
            }
            await followUps.ReplanAsync(letter, ct);
        }, async () => await GetLetterForEditHandler.ReadAsync(db, request.Id, mapper, ct), ct);
        return Unit.Value;
    }
}
