using System.ComponentModel.DataAnnotations;
using Consultancy.Application.Common;
using Consultancy.Application.Domain;
using FluentValidation;

namespace Consultancy.Application.Programs;

/// <summary>The editable part of a directory program, shared by the add and edit forms and the CSV import.</summary>
public abstract record ProgramFields
{
    public const string DefaultTimeZone = "America/New_York";

    [Display(Name = "Program name")] public string Name { get; set; } = "";
    [Display(Name = "Institution or hospital system")] public string? Institution { get; set; }
    public string Specialty { get; set; } = "";
    public string? City { get; set; }
    [Display(Name = "State or province")] public string? StateOrProvince { get; set; }
    public string Country { get; set; } = "";
    [Display(Name = "Match system")] public ProgramSystem System { get; set; }
    [Display(Name = "Program identifier")] public string? Identifier { get; set; }
    [Display(Name = "Program type")] public ProgramType Type { get; set; }
    [Display(Name = "Positions per year")] public int? PositionsPerYear { get; set; }
    [Display(Name = "IMG share (%)")] public int? ImgSharePercent { get; set; }
    [Display(Name = "IMG share observed in")] public int? ImgShareYear { get; set; }
    [Display(Name = "Visa sponsorship")] public VisaSponsorship VisaSponsorship { get; set; }
    [Display(Name = "Time zone")] public string TimeZoneId { get; set; } = DefaultTimeZone;
    [Display(Name = "Minimum Step 2 CK score")] public int? MinimumStep2CkScore { get; set; }
    [Display(Name = "Maximum years since graduation")] public int? MaximumYearsSinceGraduation { get; set; }
    [Display(Name = "Maximum exam attempts")] public int? MaximumAttempts { get; set; }
    [Display(Name = "US/Canadian clinical experience")] public ClinicalExperienceRequirement ClinicalExperience { get; set; }
    [Display(Name = "ECFMG certification by the rank-list deadline")] public bool? EcfmgCertificationByRankDeadline { get; set; }
    public string? Website { get; set; }
    public string? Notes { get; set; }

    /// <summary>The identifier as stored: trimmed, and none when blank (the identifier is unique within a system only when given).</summary>
    public string? StoredIdentifier => Clean(Identifier);

    internal void ApplyTo(ResidencyProgram program)
    {
        program.Name = Name.Trim();
        program.Institution = Clean(Institution);
        program.Specialty = Specialty.Trim();
        program.City = Clean(City);
        program.StateOrProvince = Clean(StateOrProvince);
        program.Country = Country.Trim();
        program.System = System;
        program.Identifier = StoredIdentifier;
        program.Type = Type;
        program.PositionsPerYear = PositionsPerYear;
        program.ImgSharePercent = ImgSharePercent;
        program.ImgShareYear = ImgShareYear;
        program.VisaSponsorship = VisaSponsorship;
        program.TimeZoneId = TimeZoneId.Trim();
        program.MinimumStep2CkScore = MinimumStep2CkScore;
        program.MaximumYearsSinceGraduation = MaximumYearsSinceGraduation;
        program.MaximumAttempts = MaximumAttempts;
        program.ClinicalExperience = ClinicalExperience;
        program.EcfmgCertificationByRankDeadline = EcfmgCertificationByRankDeadline;
        program.Website = Clean(Website);
        program.Notes = string.IsNullOrWhiteSpace(Notes) ? null : Notes.Trim();
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

internal sealed class ProgramFieldsValidator : AbstractValidator<ProgramFields>
{
    public ProgramFieldsValidator(TimeProvider clock)
    {
        var thisYear = clock.GetUtcNow().Year;

        RuleFor(p => p.Name).SingleLine().NotEmpty().WithMessage("Enter the program's name, e.g. “Example Valley Medical Center — Internal Medicine”.")
            .MaximumLength(200).WithMessage("A program name has at most 200 characters.");
        RuleFor(p => p.Institution).SingleLine().MaximumLength(200).WithMessage("An institution has at most 200 characters.");
        RuleFor(p => p.Specialty).SingleLine().NotEmpty().WithMessage("Enter the specialty, e.g. Internal Medicine.")
            .MaximumLength(100).WithMessage("A specialty has at most 100 characters.");
        RuleFor(p => p.City).SingleLine().MaximumLength(100).WithMessage("A city has at most 100 characters.");
        RuleFor(p => p.StateOrProvince).SingleLine().MaximumLength(100).WithMessage("A state or province has at most 100 characters.");
        RuleFor(p => p.Country).SingleLine().NotEmpty().WithMessage("Enter the country, e.g. United States or Canada.")
            .MaximumLength(100).WithMessage("A country has at most 100 characters.");
        RuleFor(p => p.System).IsInEnum().WithMessage("Choose ERAS/NRMP or CaRMS.");
        RuleFor(p => p.Identifier).SingleLine().MaximumLength(40).WithMessage("An identifier has at most 40 characters.");
        RuleFor(p => p.Type).IsInEnum().WithMessage("Choose a program type from the list.");
        RuleFor(p => p.PositionsPerYear).InclusiveBetween(0, 500).WithMessage("Positions per year is between 0 and 500.");
        RuleFor(p => p.ImgSharePercent).InclusiveBetween(0, 100).WithMessage("The IMG share is a percentage between 0 and 100.");
        RuleFor(p => p.ImgShareYear).InclusiveBetween(2000, thisYear + 1)
            .WithMessage($"Enter the year the IMG share was observed, between 2000 and {thisYear + 1}.");
        RuleFor(p => p.VisaSponsorship).IsInEnum().WithMessage("Choose a visa sponsorship from the list.");
        RuleFor(p => p.TimeZoneId).SingleLine().Must(TimeZones.IsValidIana)
            .WithMessage("Choose a time zone from the list, like America/Chicago.");
        RuleFor(p => p.MinimumStep2CkScore).InclusiveBetween(1, 300).WithMessage("A minimum Step 2 CK score is between 1 and 300.");
        RuleFor(p => p.MaximumYearsSinceGraduation).InclusiveBetween(0, 50).WithMessage("Years since graduation is between 0 and 50.");
        RuleFor(p => p.MaximumAttempts).InclusiveBetween(1, 9).WithMessage("Maximum attempts is between 1 (first-attempt passes only) and 9.");
        RuleFor(p => p.ClinicalExperience).IsInEnum().WithMessage("Choose a clinical experience requirement from the list.");
        RuleFor(p => p.Website).SingleLine().MaximumLength(500).WithMessage("A website address has at most 500 characters.")
            .Must(BeAWebAddress).WithMessage("Enter the website as a full address starting with https:// or http://.");
        RuleFor(p => p.Notes).NoControlCharacters().MaximumLength(4000).WithMessage("Notes have at most 4,000 characters.");
    }

    private static bool BeAWebAddress(string? website) =>
        string.IsNullOrWhiteSpace(website)
        || (Uri.TryCreate(website.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Length > 0);
}
