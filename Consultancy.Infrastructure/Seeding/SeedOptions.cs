using System.ComponentModel.DataAnnotations;

namespace Consultancy.Infrastructure.Seeding;

/// <summary>The <c>Seed</c> section: demo consultants and clients at start, for trying the app out.</summary>
public sealed class SeedOptions : IValidatableObject
{
    public const string Section = "Seed";

    public bool Demo { get; set; }

    /// <summary>The demo consultants' password; required when <see cref="Demo"/> is on.</summary>
    public string? DemoPassword { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Demo && string.IsNullOrEmpty(DemoPassword))
            yield return new ValidationResult($"{Section}:{nameof(DemoPassword)} must be set when {Section}:{nameof(Demo)} is true.");
    }
}
