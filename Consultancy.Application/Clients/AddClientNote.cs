using Consultancy.Application.Common.Exceptions;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Application.Clients;

public sealed record AddClientNote(int ClientId, string Body) : IRequest<Unit>;

internal sealed class AddClientNoteValidator : AbstractValidator<AddClientNote>
{
    public AddClientNoteValidator() =>
        RuleFor(n => n.Body).NotEmpty().WithMessage("Write the note before saving it.")
            .MaximumLength(4000).WithMessage("A note has at most 4,000 characters.");
}

internal sealed class AddClientNoteHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<AddClientNote, Unit>
{
    public async Task<Unit> Handle(AddClientNote request, CancellationToken ct)
    {
        var client = await db.Clients.SingleOrDefaultAsync(c => c.Id == request.ClientId, ct)
            ?? throw new NotFoundException(nameof(Client), request.ClientId);
        client.AddNote(request.Body.Trim(), clock.GetUtcNow().UtcDateTime, user.UserId);
        await db.SaveChangesAsync(ct);
        return Unit.Value;
    }
}
