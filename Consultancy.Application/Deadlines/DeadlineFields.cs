using System.ComponentModel.DataAnnotations;
using Consultancy.Application.Common;
using Consultancy.Application.Domain;
using FluentValidation;

namespace Consultancy.Application.Deadlines;

/// <summary>The editable part of a deadline, shared by the add and edit forms.</summary>
public abstract record DeadlineFields
{
    public string Title { get; set; } = "";
    public DeadlineCategory Category { get; set; } = DeadlineCategory.Application;
    [Display(Name = "Due date")] public DateOnly? DueDate { get; set; }
    [Display(Name = "Due time (optional)")] public TimeOnly? DueTime { get; set; }
    public string? Notes { get; set; }
    [Display(Name = "Reminders before")] public string? ReminderOffsets { get; set; }

    internal void ApplyTo(Deadline deadline)
    {
        deadline.Title = Title.Trim();
        deadline.Category = Category;
        deadline.MoveByHand(DueDate!.Value);
        deadline.DueTime = DueTime;
        deadline.Notes = string.IsNullOrWhiteSpace(Notes) ? null : Notes.Trim();
        Domain.ReminderOffsets.TryParse(ReminderOffsets, out var offsets);
        deadline.ReminderOffsets = offsets;
    }
}

internal sealed class DeadlineFieldsValidator : AbstractValidator<DeadlineFields>
{
    public DeadlineFieldsValidator()
    {
        RuleFor(d => d.Title).SingleLine().NotEmpty().WithMessage("Enter what is due, e.g. \"Submit MyERAS application\".")
            .MaximumLength(200).WithMessage("A title has at most 200 characters.");
        RuleFor(d => d.Category).IsInEnum().WithMessage("Choose a category from the list.");
        RuleFor(d => d.DueDate).NotNull().WithMessage("Enter the due date.")
            .Must(d => d is null || (d.Value.Year >= 2000 && d.Value.Year <= 2100)).WithMessage("Enter a due date between 2000 and 2100.");
        RuleFor(d => d.Notes).NoControlCharacters().MaximumLength(2000).WithMessage("Notes have at most 2,000 characters.");
        RuleFor(d => d.ReminderOffsets).SingleLine().Must(text => Domain.ReminderOffsets.TryParse(text, out _))
            .WithMessage($"List {Domain.ReminderOffsets.Rule}.");
    }
}
