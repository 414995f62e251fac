using System.ComponentModel.DataAnnotations;
using Consultancy.Application.Common;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using FluentValidation;
using MediatR;

namespace Consultancy.Application.Clients;

/// <summary>One stretch of US or Canadian clinical experience as the client page's form and the client CSV give it.</summary>
public record ClinicalExperienceFields
{
    [Display(Name = "Kind")] public ClinicalExperienceKind Kind { get; set; }
    [Display(Name = "Place")] public string Place { get; set; } = "";
    [Display(Name = "Months")] public int? Months { get; set; }

    public static ClinicalExperienceFields From(ClinicalExperience entry) => new() { Kind = entry.Kind, Place = entry.Place, Months = entry.Months };
}

/// <summary>Adds a stretch of clinical experience to the client's pathway facts; it goes on their timeline.</summary>
public sealed record AddClinicalExperience : ClinicalExperienceFields, IRequest<int>
{
    public int ClientId { get; set; }
}

internal sealed class ClinicalExperienceFieldsValidator : AbstractValidator<ClinicalExperienceFields>
{
    public const int MaxMonths = 60;

    public ClinicalExperienceFieldsValidator()
    {
        RuleFor(e => e.Kind).IsInEnum().WithMessage("Choose the kind of clinical experience from the list.");
        RuleFor(e => e.Place).SingleLine().NotEmpty().WithMessage("Enter where the clinical experience was, like “Mercy Hospital, Chicago IL”.")
            .MaximumLength(200).WithMessage("Keep the place under 200 characters.")
            .Must(p => p is null || !p.Contains(ClinicalExperienceCsv.Separator, StringComparison.Ordinal))
            .WithMessage($"Leave the “{ClinicalExperienceCsv.Separator}” character out of the place: it separates the entries in the client CSV.");
        RuleFor(e => e.Months).NotNull().WithMessage("Enter how many months the clinical experience lasted.")
            .InclusiveBetween(1, MaxMonths).WithMessage($"Clinical experience lasts from 1 to {MaxMonths} months; enter whole months.");
    }
}

internal sealed class AddClinicalExperienceValidator : AbstractValidator<AddClinicalExperience>
{
    public AddClinicalExperienceValidator() => Include(new ClinicalExperienceFieldsValidator());
}

internal sealed class AddClinicalExperienceHandler(IAppDbContext db) : IRequestHandler<AddClinicalExperience, int>
{
    public async Task<int> Handle(AddClinicalExperience request, CancellationToken ct)
    {
        var client = await db.Clients.GetAsync(request.ClientId, ct);
        var experience = new ClinicalExperience(request.Kind, request.Place.Trim(), request.Months!.Value);
        client.ClinicalExperiences.Add(experience);
        await db.SaveChangesAsync(ct);
        return experience.Id;
    }
}
