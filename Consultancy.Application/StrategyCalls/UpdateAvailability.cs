using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using Consultancy.Application.Common;
using Consultancy.Application.Common.Exceptions;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using ValidationException = Consultancy.Application.Common.Exceptions.ValidationException;

namespace Consultancy.Application.StrategyCalls;

/// <summary>A consultant's booking settings; consultants edit their own, admins anyone's.</summary>
public sealed partial record UpdateAvailability : IRequest<Unit>
{
    public string ConsultantId { get; set; } = "";
    /// <summary>Read only: whose settings these are.</summary>
    public string ConsultantName { get; set; } = "";
    public string ConsultantTimeZone { get; set; } = "UTC";

    [Display(Name = "Take bookings on the public page")] public bool IsBookable { get; set; }
    [Display(Name = "Name on the booking page")] public string PublicName { get; set; } = "";
    [Display(Name = "Page address (/book/…)")] public string Slug { get; set; } = "";
    [Display(Name = "Meeting link")] public string? MeetingLink { get; set; }
    [Display(Name = "Call length (minutes)")] public int CallMinutes { get; set; } = ConsultantAvailability.DefaultCallMinutes;
    [Display(Name = "Buffer between calls (minutes)")] public int BufferMinutes { get; set; }
    [Display(Name = "Minimum notice (hours)")] public int MinimumNoticeHours { get; set; } = ConsultantAvailability.DefaultMinimumNoticeHours;
    [Display(Name = "Booking horizon (days)")] public int HorizonDays { get; set; } = ConsultantAvailability.DefaultHorizonDays;

    public string? Monday { get; set; }
    public string? Tuesday { get; set; }
    public string? Wednesday { get; set; }
    public string? Thursday { get; set; }
    public string? Friday { get; set; }
    public string? Saturday { get; set; }
    public string? Sunday { get; set; }
    [Display(Name = "Date overrides")] public string? Overrides { get; set; }
    [Display(Name = "Time off")] public string? TimeOff { get; set; }

    public static readonly DayOfWeek[] Week =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    public string? HoursOn(DayOfWeek day) => day switch
    {
        DayOfWeek.Monday => Monday, DayOfWeek.Tuesday => Tuesday, DayOfWeek.Wednesday => Wednesday, DayOfWeek.Thursday => Thursday,
        DayOfWeek.Friday => Friday, DayOfWeek.Saturday => Saturday, _ => Sunday,
    };

    public void SetHoursOn(DayOfWeek day, string text)
    {
        switch (day)
        {
            case DayOfWeek.Monday: Monday = text; break;
            case DayOfWeek.Tuesday: Tuesday = text; break;
            case DayOfWeek.Wednesday: Wednesday = text; break;
            case DayOfWeek.Thursday: Thursday = text; break;
            case DayOfWeek.Friday: Friday = text; break;
            case DayOfWeek.Saturday: Saturday = text; break;
            default: Sunday = text; break;
        }
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    public static partial Regex SlugPattern();
}

internal sealed class UpdateAvailabilityValidator : AbstractValidator<UpdateAvailability>
{
    public UpdateAvailabilityValidator()
    {
        RuleFor(a => a.PublicName).SingleLine().NotEmpty().WithMessage("Enter the name visitors see.")
            .MaximumLength(120).WithMessage("Keep the name under 120 characters.");
        RuleFor(a => a.Slug).SingleLine().NotEmpty().WithMessage("Enter the page address, e.g. maya-patel.")
            .MaximumLength(60).WithMessage("Keep the page address under 60 characters.")
            .Must(s => UpdateAvailability.SlugPattern().IsMatch(s ?? "")).WithMessage("Use lower-case letters, digits and single hyphens, e.g. maya-patel.")
            .Must(s => !ConsultantAvailability.ReservedSlugs.Contains(s ?? "")).WithMessage("That address is reserved; choose another.");
        RuleFor(a => a.MeetingLink).SingleLine().MaximumLength(500).WithMessage("Keep the link under 500 characters.")
            .Must(l => string.IsNullOrWhiteSpace(l) || Uri.TryCreate(l.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http")
            .WithMessage("Enter a full web address starting with https://.");
        RuleFor(a => a.CallMinutes).InclusiveBetween(10, 240).WithMessage("A call lasts between 10 and 240 minutes.");
        RuleFor(a => a.BufferMinutes).InclusiveBetween(0, 120).WithMessage("The buffer is between 0 and 120 minutes.");
        RuleFor(a => a.MinimumNoticeHours).InclusiveBetween(0, 336).WithMessage("Minimum notice is between 0 and 336 hours (two weeks).");
        RuleFor(a => a.HorizonDays).InclusiveBetween(1, 365).WithMessage("The horizon is between 1 and 365 days.");
        foreach (var day in UpdateAvailability.Week)
            RuleFor(a => a.HoursOn(day)).SingleLine().Must(t => AvailabilityText.TryParseRanges(t, out _))
                .OverridePropertyName(day.ToString())
                .WithMessage($"Write {day}'s hours as ranges like 09:00-12:00, 13:00-17:00 (start before end, no overlaps), or leave it empty.");
        RuleFor(a => a.Overrides).NoControlCharacters().Must(t => AvailabilityText.TryParseOverrides(t, out _, out _))
            .WithMessage(a => AvailabilityText.TryParseOverrides(a.Overrides, out _, out var bad)
                ? "" : $"Could not read \"{bad}\": write one date per line, e.g. 2026-12-24 10:00-12:00 or 2026-12-25 off.");
        RuleFor(a => a.TimeOff).NoControlCharacters().Must(t => AvailabilityText.TryParseTimeOff(t, out _, out _))
            .WithMessage(a => AvailabilityText.TryParseTimeOff(a.TimeOff, out _, out var bad)
                ? "" : $"Could not read \"{bad}\": write one date or range per line, e.g. 2026-12-20 to 2027-01-02.");
    }
}

internal sealed class UpdateAvailabilityHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<UpdateAvailability, Unit>
{
    public async Task<Unit> Handle(UpdateAvailability request, CancellationToken ct)
    {
        var profile = await db.EditableProfileAsync(user, request.ConsultantId, ct);
        var slug = request.Slug.Trim();
        if (await db.ConsultantAvailabilities.AnyAsync(a => a.Slug == slug && a.ConsultantId != profile.Id, ct))
            throw new ValidationException(nameof(request.Slug), "Another consultant already uses this page address.");

        var now = clock.GetUtcNow().UtcDateTime;
        var availability = await db.ConsultantAvailabilities.SingleOrDefaultAsync(a => a.ConsultantId == profile.Id, ct);
        if (availability is null)
        {
            availability = new ConsultantAvailability(profile.Id, request.PublicName.Trim(), slug, now);
            db.ConsultantAvailabilities.Add(availability);
        }
        availability.PublicName = request.PublicName.Trim();
        availability.Slug = slug;
        availability.MeetingLink = string.IsNullOrWhiteSpace(request.MeetingLink) ? null : request.MeetingLink.Trim();
        availability.IsBookable = request.IsBookable;
        availability.CallMinutes = request.CallMinutes;
        availability.BufferMinutes = request.BufferMinutes;
        availability.MinimumNoticeHours = request.MinimumNoticeHours;
        availability.HorizonDays = request.HorizonDays;
        availability.Weekly = UpdateAvailability.Week
            .SelectMany(day => AvailabilityText.TryParseRanges(request.HoursOn(day), out var ranges) ? ranges.Select(r => new WeeklyHours(day, r.Start, r.End)) : [])
            .ToList();
        AvailabilityText.TryParseOverrides(request.Overrides, out var overrides, out _);
        AvailabilityText.TryParseTimeOff(request.TimeOff, out var timeOff, out _);
        availability.Overrides = overrides;
        availability.TimeOff = timeOff;
        availability.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        return Unit.Value;
    }
}
