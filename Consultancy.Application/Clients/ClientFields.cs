using System.ComponentModel.DataAnnotations;
using Consultancy.Application.Common;
using Consultancy.Application.Domain;
using FluentValidation;

namespace Consultancy.Application.Clients;

/// <summary>The editable profile of a client, shared by the create and edit forms.</summary>
public abstract record ClientFields
{
    [Display(Name = "First name")] public string FirstName { get; set; } = "";
    [Display(Name = "Last name")] public string LastName { get; set; } = "";
    public string Email { get; set; } = "";
    public string? Phone { get; set; }
    [Display(Name = "Country of residence")] public string? Country { get; set; }
    [Display(Name = "Time zone")] public string TimeZoneId { get; set; } = "UTC";

    [Display(Name = "Medical school")] public string? MedicalSchool { get; set; }
    [Display(Name = "Country of medical school")] public string? MedicalSchoolCountry { get; set; }
    [Display(Name = "Graduation year")] public int? GraduationYear { get; set; }
    [Display(Name = "IMG type")] public ImgType ImgType { get; set; }
    public string? Citizenship { get; set; }
    [Display(Name = "Visa need")] public VisaNeed VisaNeed { get; set; }

    [Display(Name = "USMLE Step 1")] public ExamResult Step1Result { get; set; }
    [Display(Name = "Step 1 date")] public DateOnly? Step1Date { get; set; }
    [Display(Name = "Step 1 attempts")] public int? Step1Attempts { get; set; }
    [Display(Name = "Step 2 CK score")] public int? Step2CkScore { get; set; }
    [Display(Name = "Step 2 CK date")] public DateOnly? Step2CkDate { get; set; }
    [Display(Name = "Step 2 CK attempts")] public int? Step2CkAttempts { get; set; }
    [Display(Name = "USMLE Step 3")] public ExamResult Step3Result { get; set; }
    [Display(Name = "MCCQE Part I")] public ExamResult Mccqe1Result { get; set; }
    [Display(Name = "MCCQE Part I attempts")] public int? Mccqe1Attempts { get; set; }
    [Display(Name = "OET Medicine")] public ExamResult OetResult { get; set; }
    [Display(Name = "OET date")] public DateOnly? OetDate { get; set; }
    [Display(Name = "NAC OSCE")] public ExamResult NacOsceResult { get; set; }
    [Display(Name = "Language test")] public string? LanguageTest { get; set; }
    [Display(Name = "ECFMG certification")] public EcfmgStatus EcfmgStatus { get; set; }

    [Display(Name = "Target system")] public TargetSystem TargetSystem { get; set; }
    public string? Season { get; set; }
    [Display(Name = "Target specialties")] public string? TargetSpecialties { get; set; }
    [Display(Name = "Programs planned")] public int? ProgramsPlanned { get; set; }
    public ClientSource Source { get; set; }
    public string? Tags { get; set; }

    internal void ApplyTo(Client client)
    {
        client.FirstName = FirstName.Trim();
        client.LastName = LastName.Trim();
        client.Email = Email.Trim().ToLowerInvariant();
        client.Phone = Clean(Phone);
        client.Country = Clean(Country);
        client.TimeZoneId = TimeZoneId.Trim();
        client.MedicalSchool = Clean(MedicalSchool);
        client.MedicalSchoolCountry = Clean(MedicalSchoolCountry);
        client.GraduationYear = GraduationYear;
        client.ImgType = ImgType;
        client.Citizenship = Clean(Citizenship);
        client.VisaNeed = VisaNeed;
        client.Step1Result = Step1Result;
        client.Step1Date = Step1Date;
        client.Step2CkScore = Step2CkScore;
        client.Step2CkDate = Step2CkDate;
        client.Step1Attempts = Step1Attempts;
        client.Step2CkAttempts = Step2CkAttempts;
        client.Step3Result = Step3Result;
        client.Mccqe1Result = Mccqe1Result;
        client.Mccqe1Attempts = Mccqe1Attempts;
        client.OetResult = OetResult;
        client.OetDate = OetDate;
        client.NacOsceResult = NacOsceResult;
        client.LanguageTest = Clean(LanguageTest);
        client.EcfmgStatus = EcfmgStatus;
        client.TargetSystem = TargetSystem;
        client.Season = Clean(Season);
        client.TargetSpecialties = Clean(TargetSpecialties);
        client.ProgramsPlanned = ProgramsPlanned;
        client.Source = Source;
        client.Tags = Domain.Tags.Normalise(Tags);
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

internal sealed class ClientFieldsValidator : AbstractValidator<ClientFields>
{
    /// <summary>The most attempts the attempt fields take; more is a typing slip.</summary>
    public const int MaxAttempts = 9;

    private static string AttemptsMessage(string exam) => $"{exam} attempts is a number from 1 to {MaxAttempts}; leave it empty if not taken.";

    public ClientFieldsValidator(TimeProvider clock)
    {
        var thisYear = clock.GetUtcNow().Year;

        RuleFor(c => c.FirstName).SingleLine().NotEmpty().WithMessage("Enter the client's first name.").MaximumLength(100);
        RuleFor(c => c.LastName).SingleLine().NotEmpty().WithMessage("Enter the client's last name.").MaximumLength(100);
        RuleFor(c => c.Email).SingleLine().NotEmpty().WithMessage("Enter the client's email address.")
            .MaximumLength(254).MailAddress("Enter a valid email address, like name@example.com.");
        RuleFor(c => c.Phone).MaximumLength(40)
            .Matches(@"^\+?[0-9 ().\-]{5,40}$").When(c => !string.IsNullOrWhiteSpace(c.Phone))
            .WithMessage("Enter a phone number with digits, spaces and an optional leading +.")
            // After the When, which holds for every check before it: a number of nothing but line breaks is refused too.
            .SingleLine();
        RuleFor(c => c.Country).SingleLine().MaximumLength(100);
        RuleFor(c => c.TimeZoneId).SingleLine().Must(TimeZones.IsValidIana)
            .WithMessage("Choose a time zone from the list, like America/Toronto.");
        RuleFor(c => c.MedicalSchool).SingleLine().MaximumLength(200);
        RuleFor(c => c.MedicalSchoolCountry).SingleLine().MaximumLength(100);
        RuleFor(c => c.GraduationYear).InclusiveBetween(1950, thisYear + 6)
            .WithMessage($"Enter a graduation year between 1950 and {thisYear + 6}.");
        RuleFor(c => c.Citizenship).SingleLine().MaximumLength(100);
        RuleFor(c => c.Step2CkScore).InclusiveBetween(1, 300).WithMessage("A Step 2 CK score is between 1 and 300.");
        RuleFor(c => c.Step1Date).Must(d => d is null || (d.Value.Year >= 1980 && d.Value.Year <= thisYear + 2))
            .WithMessage("Enter a Step 1 date between 1980 and two years from now.");
        RuleFor(c => c.Step2CkDate).Must(d => d is null || (d.Value.Year >= 1980 && d.Value.Year <= thisYear + 2))
            .WithMessage("Enter a Step 2 CK date between 1980 and two years from now.");
        RuleFor(c => c.Step1Attempts).InclusiveBetween(1, MaxAttempts).WithMessage(AttemptsMessage("Step 1"))
            .Null().WithMessage("Step 1 attempts are for a Step 1 that was taken or is scheduled: choose its result, or clear the attempts.")
            .When(c => c.Step1Result == ExamResult.NotTaken, ApplyConditionTo.CurrentValidator);
        RuleFor(c => c.Step2CkAttempts).InclusiveBetween(1, MaxAttempts).WithMessage(AttemptsMessage("Step 2 CK"));
        RuleFor(c => c.Mccqe1Attempts).InclusiveBetween(1, MaxAttempts).WithMessage(AttemptsMessage("MCCQE Part I"))
            .Null().WithMessage("MCCQE Part I attempts are for an exam that was taken or is scheduled: choose its result, or clear the attempts.")
            .When(c => c.Mccqe1Result == ExamResult.NotTaken, ApplyConditionTo.CurrentValidator);
        // The latest calendar date anywhere (UTC+14), so a result entered on its day in any time zone is not "in the future".
        var latestToday = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddHours(14));
        RuleFor(c => c.OetDate)
            .Must(d => d is null || d.Value.Year >= 1987).WithMessage("Enter an OET date from 1987 on, when the OET began.")
            .Must(d => d is null || d.Value <= latestToday).WithMessage("The OET date is the day of the result already received: it cannot be in the future.")
            .Null().WithMessage("Give the OET date only with its result: choose Pass or Fail for OET Medicine, or clear the date.")
            .When(c => c.OetResult is not (ExamResult.Pass or ExamResult.Fail), ApplyConditionTo.CurrentValidator);
        RuleFor(c => c.LanguageTest).SingleLine().MaximumLength(100);
        RuleFor(c => c.Season).SingleLine().MaximumLength(50);
        RuleFor(c => c.TargetSpecialties).SingleLine().MaximumLength(300);
        RuleFor(c => c.ProgramsPlanned).InclusiveBetween(0, 1000).WithMessage("Programs planned is between 0 and 1000.");
        RuleFor(c => c.ImgType).IsInEnum().WithMessage("Choose an IMG type from the list.");
        RuleFor(c => c.VisaNeed).IsInEnum().WithMessage("Choose a visa need from the list.");
        RuleFor(c => c.Step1Result).IsInEnum().WithMessage("Choose a Step 1 result from the list.");
        RuleFor(c => c.Step3Result).IsInEnum().WithMessage("Choose a Step 3 result from the list.");
        RuleFor(c => c.OetResult).IsInEnum().WithMessage("Choose an OET Medicine result from the list.");
        RuleFor(c => c.Mccqe1Result).IsInEnum().WithMessage("Choose an MCCQE Part I result from the list.");
        RuleFor(c => c.NacOsceResult).IsInEnum().WithMessage("Choose a NAC OSCE result from the list.");
        RuleFor(c => c.EcfmgStatus).IsInEnum().WithMessage("Choose an ECFMG status from the list.");
        RuleFor(c => c.TargetSystem).IsInEnum().WithMessage("Choose a target system from the list.");
        RuleFor(c => c.Source).IsInEnum().WithMessage("Choose a source from the list.");
        RuleFor(c => c.Tags).SingleLine().MaximumLength(300)
            .Must(t => Domain.Tags.Split(t).All(tag => tag.Length <= 30 && tag.All(ch => char.IsLetterOrDigit(ch) || ch is '-' or ' ')))
            .WithMessage("Separate tags with commas; each tag has at most 30 letters, digits, spaces or dashes.")
            .Must(t => Domain.Tags.Split(t).Count <= 10).WithMessage("A client has at most 10 tags.");
    }
}
