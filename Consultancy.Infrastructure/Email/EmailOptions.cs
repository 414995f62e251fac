using System.ComponentModel.DataAnnotations;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Consultancy.Infrastructure.Email;

/// <summary>The <c>Email</c> section: the sender, and SMTP or (with no SMTP host) the pickup folder.</summary>
public sealed class EmailOptions : IValidatableObject
{
    public const string Section = "Email";

    public string From { get; set; } = "Consultancy <no-reply@localhost>";

    /// <summary>Where <c>.eml</c> files go while no SMTP host is set; relative to the content root.</summary>
    public string PickupDirectory { get; set; } = "App_Data/mail";

    [ValidateObjectMembers] public SmtpOptions Smtp { get; set; } = new();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!MailboxAddress.TryParse(From, out _))
            yield return new ValidationResult(
                $"{Section}:{nameof(From)} must be a sender address, e.g. Example Consultancy <advisors@example.com>; it is \"{From}\".");
    }
}

/// <summary>The <c>Email:Smtp</c> section.</summary>
public sealed class SmtpOptions : IValidatableObject
{
    /// <summary>Empty: mail goes to the pickup folder instead.</summary>
    public string? Host { get; set; }

    [Range(1, 65535, ErrorMessage = "{0} must be a port number from {1} to {2}.")] public int Port { get; set; } = 587;
    public string? User { get; set; }
    public string? Password { get; set; }

    /// <summary>None, StartTls, StartTlsWhenAvailable, SslOnConnect or Auto (MailKit's SecureSocketOptions).</summary>
    public string Security { get; set; } = nameof(SecureSocketOptions.StartTlsWhenAvailable);

    public bool SendsMail => !string.IsNullOrWhiteSpace(Host);

    public SecureSocketOptions SocketOptions => Enum.Parse<SecureSocketOptions>(Security, ignoreCase: true);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enum.TryParse<SecureSocketOptions>(Security, ignoreCase: true, out var security) || !Enum.IsDefined(security))
            yield return new ValidationResult(
                $"{EmailOptions.Section}:Smtp:{nameof(Security)} must be one of {string.Join(", ", Enum.GetNames<SecureSocketOptions>())}; it is \"{Security}\".");
    }
}
