using System.ComponentModel.DataAnnotations;
using Consultancy.Application.Common;
using Consultancy.Application.Common.Exceptions;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Common.Mapping;
using Consultancy.Application.Domain;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Application.Playbooks;

/// <summary>Adds an item to a playbook (<see cref="ItemId"/> null) or changes one. Deadlines already planned keep their dates.</summary>
public sealed record SavePlaybookItem : IRequest<Unit>
{
    public int PlaybookId { get; set; }
    public int? ItemId { get; set; }
    public string Title { get; set; } = "";
    public DeadlineCategory Category { get; set; }
    [Display(Name = "Key date")] public string AnchorKey { get; set; } = "";
    [Display(Name = "Days after the key date")] public int OffsetDays { get; set; }
    public string? Description { get; set; }
    [Display(Name = "Already met when")] public ProfileCondition MetWhen { get; set; }
}

internal sealed class SavePlaybookItemValidator : AbstractValidator<SavePlaybookItem>
{
    public SavePlaybookItemValidator()
    {
        RuleFor(i => i.Title).SingleLine().NotEmpty().WithMessage("Say what is due.").MaximumLength(200);
        RuleFor(i => i.Category).IsInEnum().WithMessage("Choose a category from the list.");
        RuleFor(i => i.AnchorKey).SingleLine().NotEmpty().WithMessage("Choose the key date this item is placed from.").MaximumLength(60);
        RuleFor(i => i.OffsetDays).InclusiveBetween(-730, 730).WithMessage("Place the item within two years of its key date.");
        RuleFor(i => i.Description).NoControlCharacters().MaximumLength(2000);
        RuleFor(i => i.MetWhen).IsInEnum().WithMessage("Choose when the step is already met from the list.");
    }
}

internal sealed class SavePlaybookItemHandler(IAppDbContext db, ICurrentUser user) : IRequestHandler<SavePlaybookItem, Unit>
{
    public async Task<Unit> Handle(SavePlaybookItem request, CancellationToken ct)
    {
        user.EnsureAdmin();
        var playbook = await db.Playbooks.Include(p => p.Items).SingleOrDefaultAsync(p => p.Id == request.PlaybookId, ct)
            ?? throw new NotFoundException(nameof(Playbook), request.PlaybookId);
        var item = request.ItemId is { } id
            ? playbook.Items.SingleOrDefault(i => i.Id == id) ?? throw new NotFoundException(nameof(PlaybookItem), id)
            : new PlaybookItem();
        var anchorKey = request.AnchorKey.Trim();
        if (!await db.Seasons.AnyAsync(s => s.System == playbook.System && s.KeyDates.Any(k => k.Key == anchorKey), ct) && item.AnchorKey != anchorKey)
            throw new Common.Exceptions.ValidationException(nameof(request.AnchorKey), $"Choose one of the key dates of the {playbook.System.DisplayName()} seasons.");
        item.Title = request.Title.Trim();
        item.Category = request.Category;
        item.AnchorKey = anchorKey;
        item.OffsetDays = request.OffsetDays;
        item.MetWhen = request.MetWhen;
        item.Description = string.IsNullOrWhiteSpace(request.Description) ? null : request.Description.Trim();
        if (request.ItemId is null) playbook.Items.Add(item);
        await db.SaveChangesAsync(ct);
        return Unit.Value;
    }
}
