using Consultancy.Application.Common;
using AutoMapper;
using Consultancy.Application.Common.Exceptions;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using Consultancy.Application.Reminders;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Application.Letters;

/// <summary>Edits a letter; a new due date moves its deadline (and the applicant's reminders) and re-plans the referee's follow-ups.</summary>
public sealed record UpdateLetter : LetterFields, IRequest<Unit>, IConcurrencyChecked
{
    public int Id { get; set; }
    public int ClientId { get; set; }
    public Guid Version { get; set; }

    internal sealed class Mapping : Profile
    {
        public Mapping() => CreateMap<LetterRequest, UpdateLetter>()
            .ForMember(l => l.DueDate, o => o.MapFrom(l => (DateOnly?)l.DueDate));
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
        var letter = await db.LetterRequests.GetAsync(request.Id, ct);
        await db.SaveEditAsync(letter, request.Version, async () =>
        {
            request.ApplyTo(letter);
            letter.MoveDueDate(request.DueDate!.Value);
            if (letter.Deadline is { } deadline)
            {
                deadline.Title = letter.Title;
                await reminders.ReplanAsync([deadline], ct);
            }
            await followUps.ReplanAsync(letter, ct);
        }, async () => await db.LetterRequests.GetAsAsync<LetterRequest, UpdateLetter>(request.Id, mapper.ConfigurationProvider, ct), ct);
        return Unit.Value;
    }
}
