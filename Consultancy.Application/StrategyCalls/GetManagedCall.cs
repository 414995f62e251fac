using System.Globalization;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Application.StrategyCalls;

/// <summary>
/// The applicant's view of their call, through the signed link in their confirmation. The token is the
/// authority (nobody is signed in), so the lookup goes past the caseload rule for exactly the call it names.
/// Null when the link is forged, damaged or expired.
/// </summary>
public sealed record GetManagedCall(string Token) : IRequest<ManagedCall?>;

public sealed record ManagedCall(
    string Token, int CallId, string FirstName, string ConsultantName, string? Slug, DateTime StartUtc, DateTime EndUtc,
    CallStatus Status, string? MeetingLink, string TimeZoneId, string? WhyItCannotChange)
{
    public bool CanCancel => WhyItCannotChange is null;
    /// <summary>Another time can be picked while the call can change and its consultant takes bookings.</summary>
    public bool CanReschedule => CanCancel && Slug is not null;
}

internal sealed class GetManagedCallHandler(IAppDbContext db, IBookingLinks links, TimeProvider clock) : IRequestHandler<GetManagedCall, ManagedCall?>
{
    public async Task<ManagedCall?> Handle(GetManagedCall request, CancellationToken ct)
    {
        var call = await db.ManagedCallAsync(links, request.Token, ct);
        if (call is null) return null;
        var page = await db.ConsultantAvailabilities.Where(a => a.ConsultantId == call.ConsultantId && a.IsBookable)
            .Select(a => new { a.PublicName, a.Slug }).SingleOrDefaultAsync(ct);
        return new ManagedCall(request.Token, call.Id, call.Client!.FirstName, page?.PublicName ?? call.Consultant!.DisplayName,
            page?.Slug, call.StartUtc, call.EndUtc, call.Status, call.MeetingLink, call.Client.TimeZoneId,
            call.WhyApplicantCannotChange(clock.GetUtcNow().UtcDateTime));
    }
}

internal static class ManageTokens
{
    public static async Task<StrategyCall?> ManagedCallAsync(this IAppDbContext db, IBookingLinks links, string token, CancellationToken ct)
    {
        if (links.CallFromManageToken(token) is not { } callId) return null;
        return await db.StrategyCalls.IgnoreQueryFilters().Include(c => c.Client).Include(c => c.Consultant)
            .SingleOrDefaultAsync(c => c.Id == callId, ct);
    }
}

/// <summary>The call rules as the applicant meets them on their manage link: the manage page, the move page and both posts.</summary>
internal static class ApplicantChanges
{
    /// <summary>Why the applicant can no longer move or cancel the call, with its time in their zone; null while they can.</summary>
    public static string? WhyApplicantCannotChange(this StrategyCall call, DateTime now) => call.WhyItCannotChange(now) switch
    {
        null => null,
        CallChangeRefusal.Cancelled => "This call was cancelled. Book a new one whenever you like.",
        CallChangeRefusal.Started => $"This call started at {When(call)} and can no longer be moved or cancelled. {ContactAdvisor}",
        _ => $"This call was on {When(call)} and can no longer be moved or cancelled. {ContactAdvisor}",
    };

    private const string ContactAdvisor = "Contact your advisor by replying to your confirmation email.";

    /// <summary>As the manage page shows it.</summary>
    private static string When(StrategyCall call)
    {
        var zone = TimeZones.Find(call.Client!.TimeZoneId);
        return TimeZoneInfo.ConvertTimeFromUtc(call.StartUtc, zone).ToString("dddd d MMMM yyyy, HH:mm", CultureInfo.InvariantCulture) + $" ({call.Client.TimeZoneId})";
    }
}
