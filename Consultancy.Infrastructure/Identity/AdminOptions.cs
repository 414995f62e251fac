using System.ComponentModel.DataAnnotations;
using System.Net.Mail;
using Consultancy.Application.Domain;

namespace Consultancy.Infrastructure.Identity;

/// <summary>The <c>Admin</c> section: the first admin, created at start only while the consultancy has no admin.</summary>
public sealed class AdminOptions : IValidatableObject
{
    public const string Section = "Admin";
    private const string DefaultEmail = "admin@localhost";

    /// <summary>Empty: <c>admin@localhost</c>.</summary>
    public string? Email { get; set; }

    /// <summary>Empty: a random password, printed once on the console.</summary>
    public string? Password { get; set; }

    /// <summary>The first admin's IANA time zone.</summary>
    public string TimeZone { get; set; } = "UTC";

    public string AccountEmail => string.IsNullOrWhiteSpace(Email) ? DefaultEmail : Email.Trim();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(Email) && !(MailAddress.TryCreate(Email.Trim(), out var address) && address.Address == Email.Trim()))
            yield return new ValidationResult($"{Section}:{nameof(Email)} must be an email address, e.g. owner@example.com; it is \"{Email}\".");
        if (!TimeZones.IsValidIana(TimeZone))
            yield return new ValidationResult($"{Section}:{nameof(TimeZone)} must be an IANA time zone, e.g. America/Toronto; it is \"{TimeZone}\".");
    }
}
