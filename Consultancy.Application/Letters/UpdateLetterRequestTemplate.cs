using Consultancy.Application.Common;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Application.Letters;

/// <summary>Admins change the wording of future request emails; requests already queued keep theirs.</summary>
public sealed record UpdateLetterRequestTemplate : IRequest<Unit>
{
    public string Subject { get; set; } = "";
    public string Body { get; set; } = "";
}

internal sealed class UpdateLetterRequestTemplateValidator : AbstractValidator<UpdateLetterRequestTemplate>
{
    public UpdateLetterRequestTemplateValidator()
    {
        var known = string.Join(", ", LetterRequestTemplate.Placeholders.Select(p => $"{{{p}}}"));
        RuleFor(t => t.Subject).SingleLine().NotEmpty().WithMessage("Enter a subject.")
            .MaximumLength(200).WithMessage("A subject has at most 200 characters.")
            .Must(s => LetterRequestTemplate.UnknownPlaceholders(s).Count == 0)
            .WithMessage(t => $"Unknown placeholder {string.Join(", ", LetterRequestTemplate.UnknownPlaceholders(t.Subject).Select(p => $"{{{p}}}"))}; use {known}.");
        RuleFor(t => t.Body).NoControlCharacters().NotEmpty().WithMessage("Enter the message.")
            .MaximumLength(8000).WithMessage("The message has at most 8,000 characters.")
            .Must(b => LetterRequestTemplate.UnknownPlaceholders(b).Count == 0)
            .WithMessage(t => $"Unknown placeholder {string.Join(", ", LetterRequestTemplate.UnknownPlaceholders(t.Body).Select(p => $"{{{p}}}"))}; use {known}.");
    }
}

internal sealed class UpdateLetterRequestTemplateHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<UpdateLetterRequestTemplate, Unit>
{
    public async Task<Unit> Handle(UpdateLetterRequestTemplate request, CancellationToken ct)
    {
        user.EnsureAdmin();
        var template = await db.LetterRequestTemplates.OrderBy(t => t.Id).FirstOrDefaultAsync(ct);
        if (template is null) db.LetterRequestTemplates.Add(template = new LetterRequestTemplate());
        template.Subject = request.Subject.Trim();
        template.Body = request.Body.Replace("\r\n", "\n").Trim();
        template.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        template.UpdatedById = user.UserId;
        await db.SaveChangesAsync(ct);
        return Unit.Value;
    }
}
