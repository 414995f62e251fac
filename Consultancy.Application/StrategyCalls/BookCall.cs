using System.ComponentModel.DataAnnotations;
using Consultancy.Application.Common;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Application.StrategyCalls;

/// <summary>
/// A visitor books a free strategy call on the public page. They become (or, by email, stay) a lead of the
/// consultant at stage "Call booked".
/// </summary>
public sealed record BookCall : IRequest<BookedCall>
{
    /// <summary>The booking page: a consultant's slug, or "any" for the first available consultant.</summary>
    public string Slug { get; set; } = "";
    public DateTime StartUtc { get; set; }
    /// <summary>The visitor's time zone, from their browser or their choice on the page.</summary>
    [Display(Name = "Your time zone")] public string TimeZoneId { get; set; } = "UTC";
    /// <summary>Shown on the form only: whom the visitor is booking.</summary>
    public string? ConsultantName { get; set; }

    [Display(Name = "First name")] public string FirstName { get; set; } = "";
    [Display(Name = "Last name")] public string LastName { get; set; } = "";
    public string Email { get; set; } = "";
    [Display(Name = "Phone (optional)")] public string? Phone { get; set; }
    [Display(Name = "Target system")] public TargetSystem TargetSystem { get; set; }
    [Display(Name = "Country of medical school")] public string MedicalSchoolCountry { get; set; } = "";
    [Display(Name = "Graduation year")] public int? GraduationYear { get; set; }
    [Display(Name = "What would you like help with?")] public string Topic { get; set; } = "";

    // Optional pathway facts: they help the consultant prepare, and fill gaps in what the consultancy knows.
    [Display(Name = "Step 2 CK score (optional)")] public int? Step2CkScore { get; set; }
    [Display(Name = "Step 2 CK attempts (optional)")] public int? Step2CkAttempts { get; set; }
    [Display(Name = "Visa need (optional)")] public VisaNeed? VisaNeed { get; set; }
    [Display(Name = "Target specialty (optional)")] public string? TargetSpecialty { get; set; }

    /// <summary>A field people never see and bots fill in.</summary>
    public string? Website { get; set; }
}

/// <summary>The booked call and the token of its manage page.</summary>
public sealed record BookedCall(int CallId, string ManageToken);

internal sealed class BookCallValidator : AbstractValidator<BookCall>
{
    public BookCallValidator(TimeProvider clock)
    {
        var thisYear = clock.GetUtcNow().Year;
        RuleFor(b => b.Website).Empty().WithMessage("Leave the last field empty.");
        RuleFor(b => b.FirstName).SingleLine().NotEmpty().WithMessage("Enter your first name.").MaximumLength(100).WithMessage("Keep your first name under 100 characters.");
        RuleFor(b => b.LastName).SingleLine().NotEmpty().WithMessage("Enter your last name.").MaximumLength(100).WithMessage("Keep your last name under 100 characters.");
        RuleFor(b => b.Email).SingleLine().NotEmpty().WithMessage("Enter your email address, so we can send the invite.")
            .MaximumLength(254).WithMessage("Keep the email address under 254 characters.")
            .MailAddress("Enter an email address like name@example.com.");
        RuleFor(b => b.Phone).SingleLine().MaximumLength(40).WithMessage("Keep the phone number under 40 characters.");
        RuleFor(b => b.TargetSystem).IsInEnum().WithMessage("Choose where you are applying.");
        RuleFor(b => b.MedicalSchoolCountry).SingleLine().NotEmpty().WithMessage("Enter the country of your medical school.")
            .MaximumLength(100).WithMessage("Keep the country under 100 characters.");
        RuleFor(b => b.GraduationYear).NotNull().WithMessage("Enter your graduation year (or the expected one).")
            .InclusiveBetween(1960, thisYear + 8).WithMessage($"Enter a graduation year between 1960 and {thisYear + 8}.");
        RuleFor(b => b.Topic).NoControlCharacters().NotEmpty().WithMessage("Tell us briefly what you would like help with.")
            .MaximumLength(2000).WithMessage("Keep it under 2,000 characters.");
        RuleFor(b => b.Step2CkScore).InclusiveBetween(1, 300).WithMessage("A Step 2 CK score is between 1 and 300; leave it empty if you have none yet.");
        RuleFor(b => b.Step2CkAttempts).InclusiveBetween(1, 9).WithMessage("Step 2 CK attempts is a number from 1 to 9; leave it empty if you have not taken it.");
        RuleFor(b => b.VisaNeed).IsInEnum().WithMessage("Choose your visa need from the list, or leave it empty.");
        RuleFor(b => b.TargetSpecialty).SingleLine().MaximumLength(100).WithMessage("Keep the specialty under 100 characters.");
        RuleFor(b => b.TimeZoneId).SingleLine().Must(TimeZones.IsValidIana).WithMessage("Choose your time zone from the list.");
    }
}

internal sealed class BookCallHandler(IAppDbContext db, BookingCalendar calendar, CallEmailPlanner mail, IBookingLinks links, TimeProvider clock)
    : IRequestHandler<BookCall, BookedCall>
{
    public async Task<BookedCall> Handle(BookCall request, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var start = DateTime.SpecifyKind(request.StartUtc, DateTimeKind.Utc);

        // Calendar changes run one at a time, so the slot check below sees every call committed before it. The
        // unique index on (consultant, start) is the backstop.
        await using var transaction = await db.BeginCalendarChangeAsync(ct);
        var candidates = await calendar.ForPageAsync(request.Slug, ct);
        var refusals = await calendar.WhyNotBookableAsync(candidates, start, null, ct);
        var consultant = await PickAsync(candidates.Where(c => refusals[c.ConsultantId] is null).ToList(), now, ct)
            ?? throw new SlotRefusedException(SlotRefusal.Nearest(refusals.Values));

        var client = await LeadForAsync(request, consultant.ConsultantId, now, ct);
        var call = StrategyCall.Book(client, consultant.ConsultantId, start, consultant.CallLength, request.Topic.Trim(),
            consultant.MeetingLink, CallBookedBy.Applicant, now);
        db.StrategyCalls.Add(call);
        await db.SaveCalendarChangeAsync(transaction, () => mail.ChangedAsync(call, now, ct), () => new SlotRefusedException(SlotRefusal.Taken), ct);
        return new BookedCall(call.Id, links.ManageToken(call.Id, CallEmailPlanner.ManageLinkExpiry(call)));
    }

    /// <summary>With several consultants free, the one with the fewest calls ahead gets it.</summary>
    private async Task<ConsultantAvailability?> PickAsync(List<ConsultantAvailability> free, DateTime now, CancellationToken ct)
    {
        if (free.Count <= 1) return free.FirstOrDefault();
        var ids = free.Select(f => f.ConsultantId).ToList();
        var load = await db.StrategyCalls.IgnoreQueryFilters()
            .Where(c => ids.Contains(c.ConsultantId) && c.Status == CallStatus.Booked && c.StartUtc > now)
            .GroupBy(c => c.ConsultantId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return free.OrderBy(f => load.GetValueOrDefault(f.ConsultantId)).ThenBy(f => f.PublicName).First();
    }

    /// <summary>
    /// The visitor's client record, found by email past the caseload rule (emails are unique across the
    /// consultancy). A returning lead moves to this consultant; an existing client keeps theirs.
    /// </summary>
    private async Task<Client> LeadForAsync(BookCall request, string consultantId, DateTime now, CancellationToken ct)
    {
        var email = request.Email.Trim().ToLowerInvariant();
        var client = await db.Clients.IgnoreQueryFilters().SingleOrDefaultAsync(c => c.Email == email, ct);
        if (client is null)
        {
            client = Client.Open(consultantId, ClientStage.CallBooked, now, null);
            client.Email = email;
            client.FirstName = request.FirstName.Trim();
            client.LastName = request.LastName.Trim();
            client.Source = ClientSource.Booking;
            db.Clients.Add(client);
            if (request.VisaNeed is { } visa) client.VisaNeed = visa;
        }
        else if (client.Stage is ClientStage.Lead or ClientStage.CallBooked)
        {
            if (client.ConsultantId != consultantId) client.AssignTo(consultantId);
            client.MoveToStage(ClientStage.CallBooked, now, null);
        }
        else
        {
            // The public form cannot overwrite what the consultancy already knows; it only fills gaps.
            client.Phone ??= Clean(request.Phone);
            client.MedicalSchoolCountry ??= request.MedicalSchoolCountry.Trim();
            client.GraduationYear ??= request.GraduationYear;
            FillPathwayGaps(client, request, visaNeedKnown: true);
            client.Restore();
            return client;
        }
        client.Phone = Clean(request.Phone) ?? client.Phone;
        client.TimeZoneId = request.TimeZoneId;
        client.TargetSystem = request.TargetSystem;
        client.MedicalSchoolCountry = request.MedicalSchoolCountry.Trim();
        client.GraduationYear = request.GraduationYear;
        FillPathwayGaps(client, request, visaNeedKnown: client.VisaNeed != VisaNeed.None);
        client.Restore();
        return client;
    }

    /// <summary>
    /// The optional pathway answers fill only what the record does not hold yet. A visa need of "None", the
    /// default, counts as not known for a lead (nobody has gone through it with them yet), and as known for a client.
    /// </summary>
    private static void FillPathwayGaps(Client client, BookCall request, bool visaNeedKnown)
    {
        client.Step2CkScore ??= request.Step2CkScore;
        client.Step2CkAttempts ??= request.Step2CkAttempts;
        client.TargetSpecialties ??= Clean(request.TargetSpecialty);
        if (!visaNeedKnown && request.VisaNeed is { } visa) client.VisaNeed = visa;
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
