using System.ComponentModel.DataAnnotations;
using Consultancy.Application.Common;
using Consultancy.Application.Domain;
using FluentValidation;

namespace Consultancy.Application.Letters;

/// <summary>The editable part of a letter request, shared by the add and edit forms.</summary>
public abstract record LetterFields
{
    [Display(Name = "Referee name")] public string RefereeName { get; set; } = "";
    [Display(Name = "Referee email")] public string RefereeEmail { get; set; } = "";
    [Display(Name = "Title or role")] public string? RefereeTitle { get; set; }
    public string? Institution { get; set; }
    [Display(Name = "City and country")] public string? Location { get; set; }
    [Display(Name = "US or Canadian physician")] public bool IsUsCanadianPhysician { get; set; }
    [Display(Name = "Relationship to the applicant")] public string? Relationship { get; set; }
    [Display(Name = "Specialty it supports")] public string Specialty { get; set; } = "";
    public LetterSystem System { get; set; }
    [Display(Name = "Due date")] public DateOnly? DueDate { get; set; }
    [Display(Name = "ERAS Letter ID")] public string? ErasLetterId { get; set; }
    public string? Notes { get; set; }
    /// <summary>The client's applications the letter goes to; saving replaces the ones it went to.</summary>
    [Display(Name = "Programs it goes to")] public List<int> ApplicationIds { get; set; } = [];

    internal void ApplyTo(LetterRequest letter)
    {
        letter.RefereeName = RefereeName.Trim();
        letter.RefereeEmail = RefereeEmail.Trim();
        letter.RefereeTitle = Clean(RefereeTitle);
        letter.Institution = Clean(Institution);
        letter.Location = Clean(Location);
        letter.IsUsCanadianPhysician = IsUsCanadianPhysician;
        letter.Relationship = Clean(Relationship);
        letter.Specialty = Specialty.Trim();
        letter.System = System;
        letter.ErasLetterId = Clean(ErasLetterId)?.ToUpperInvariant();
        letter.Notes = Clean(Notes);
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

internal sealed class LetterFieldsValidator : AbstractValidator<LetterFields>
{
    /// <summary>Far beyond the broadest application list; a bound on what one form may ask to write.</summary>
    private const int MaxApplications = 1_000;

    public LetterFieldsValidator()
    {
        RuleFor(l => l.RefereeName).SingleLine().NotEmpty().WithMessage("Enter the referee's name, e.g. \"Dr. Sarah Klein\".")
            .MaximumLength(150).WithMessage("A name has at most 150 characters.");
        RuleFor(l => l.RefereeEmail).SingleLine().NotEmpty().WithMessage("Enter the referee's email address; the request goes there.")
            .MaximumLength(254).WithMessage("An email address has at most 254 characters.")
            .MailAddress("Enter a valid email address, e.g. s.klein@hospital.org.");
        RuleFor(l => l.RefereeTitle).SingleLine().MaximumLength(150).WithMessage("A title has at most 150 characters.");
        RuleFor(l => l.Institution).SingleLine().MaximumLength(200).WithMessage("An institution has at most 200 characters.");
        RuleFor(l => l.Location).SingleLine().MaximumLength(150).WithMessage("City and country have at most 150 characters.");
        RuleFor(l => l.Relationship).SingleLine().MaximumLength(300).WithMessage("The relationship has at most 300 characters.");
        RuleFor(l => l.Specialty).SingleLine().NotEmpty().WithMessage("Enter the specialty the letter supports, or \"General\".")
            .MaximumLength(100).WithMessage("A specialty has at most 100 characters.");
        RuleFor(l => l.System).IsInEnum().WithMessage("Choose ERAS or CaRMS.");
        RuleFor(l => l.DueDate).NotNull().WithMessage("Enter the date the letter should be uploaded by.")
            .Must(d => d is null || (d.Value.Year >= 2000 && d.Value.Year <= 2100)).WithMessage("Enter a due date between 2000 and 2100.");
        RuleFor(l => l.ErasLetterId).SingleLine().MaximumLength(40).WithMessage("An ERAS Letter ID has at most 40 characters.")
            .Matches("^[A-Za-z0-9-]*$").WithMessage("An ERAS Letter ID has only letters, digits and dashes.");
        RuleFor(l => l.ApplicationIds).Must(ids => ids.Count <= MaxApplications)
            .WithMessage($"A letter goes to at most {MaxApplications:N0} applications.");
        RuleFor(l => l.Notes).NoControlCharacters().MaximumLength(2000).WithMessage("Notes have at most 2,000 characters.");
    }
}
