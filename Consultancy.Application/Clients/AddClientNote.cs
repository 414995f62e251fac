using Consultancy.Application.Common;
using Consultancy.Application.Common.Interfaces;
using FluentValidation;
using MediatR;

namespace Consultancy.Application.Clients;

public sealed record AddClientNote(int ClientId, string Body) : IRequest<Unit>;

internal sealed class AddClientNoteValidator : AbstractValidator<AddClientNote>
{
    public AddClientNoteValidator() =>
        RuleFor(n => n.Body).NoControlCharacters().NotEmpty().WithMessage("Write the note before saving it.")
            .MaximumLength(4000).WithMessage("A note has at most 4,000 characters.");
}

internal sealed class AddClientNoteHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<AddClientNote, Unit>
{
    public async Task<Unit> Handle(AddClientNote request, CancellationToken ct)
    {
        var client = await db.Clients.GetAsync(request.ClientId, ct);
        client.AddNote(request.Body.Trim(), clock.GetUtcNow().UtcDateTime, user.UserId);
        await db.SaveChangesAsync(ct);
        return Unit.Value;
    }
}
