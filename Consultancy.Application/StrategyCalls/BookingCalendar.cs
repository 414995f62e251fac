using Consultancy.Application.Common.Exceptions;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Application.StrategyCalls;

/// <summary>A bookable consultant as the public pages show them.</summary>
public sealed record BookableConsultant(string ConsultantId, string PublicName, string Slug, string TimeZoneId, int CallMinutes);

/// <summary>
/// The free slots of bookable consultants, read past the caseload rule: the public pages run with nobody
/// signed in, and only start times leave this class — never whose calls fill the rest.
/// </summary>
public sealed class BookingCalendar(IAppDbContext db, BookableSlots slots, TimeProvider clock)
{
    /// <summary>The consultants visitors can book, by name.</summary>
    public async Task<List<ConsultantAvailability>> BookableAsync(CancellationToken ct) =>
        await db.ConsultantAvailabilities.AsNoTracking().Include(a => a.Consultant)
            .Where(a => a.IsBookable && a.Consultant!.IsActive)
            .OrderBy(a => a.PublicName)
            .ToListAsync(ct);

    /// <summary>Whom a booking page offers: the consultant with this slug, or everyone on the "any" page. An unknown slug is not found.</summary>
    public async Task<List<ConsultantAvailability>> ForPageAsync(string slug, CancellationToken ct)
    {
        var consultants = await BookableAsync(ct);
        if (slug == BookingSlots.AnyConsultant) return consultants;
        var chosen = consultants.Where(c => c.Slug == slug).ToList();
        return chosen.Count > 0 ? chosen : throw new NotFoundException("Booking page", slug);
    }

    /// <summary>Free start times of each consultant, from their availability minus every call that takes time.</summary>
    public async Task<Dictionary<string, IReadOnlyList<DateTime>>> FreeAsync(IReadOnlyList<ConsultantAvailability> consultants,
        int? exceptCallId, CancellationToken ct)
    {
        var busy = await BusyAsync(consultants, exceptCallId, ct);
        return consultants.ToDictionary(c => c.ConsultantId, c => slots.Free(c, ZoneOf(c), busy[c.ConsultantId]));
    }

    /// <summary>Why each consultant's slot list would not offer this start, or null where it would.</summary>
    public async Task<Dictionary<string, SlotRefusal?>> WhyNotBookableAsync(IReadOnlyList<ConsultantAvailability> consultants,
        DateTime startUtc, int? exceptCallId, CancellationToken ct)
    {
        var busy = await BusyAsync(consultants, exceptCallId, ct);
        return consultants.ToDictionary(c => c.ConsultantId, c => slots.WhyNotBookable(c, ZoneOf(c), busy[c.ConsultantId], startUtc));
    }

    /// <summary>
    /// The zone a booking page shows times in: the visitor's, from their browser or their choice. Without one, times
    /// show in the consultant's zone, which the page names, or in UTC on the "any" page (no <paramref name="consultant"/>).
    /// </summary>
    public static string VisitorZone(string? requested, ConsultantAvailability? consultant) =>
        TimeZones.IsValidIana(requested) ? requested! : consultant?.Consultant?.TimeZoneId ?? "UTC";

    public static BookableConsultant Describe(ConsultantAvailability a) =>
        new(a.ConsultantId, a.PublicName, a.Slug, a.Consultant?.TimeZoneId ?? "UTC", a.CallMinutes);

    private async Task<Dictionary<string, List<BusyTime>>> BusyAsync(IReadOnlyList<ConsultantAvailability> consultants, int? exceptCallId, CancellationToken ct)
    {
        var ids = consultants.Select(c => c.ConsultantId).ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        var busy = await db.StrategyCalls.IgnoreQueryFilters()
            .Where(c => ids.Contains(c.ConsultantId) && c.Status != CallStatus.Cancelled && c.EndUtc > now && c.Id != exceptCallId)
            .Select(c => new { c.ConsultantId, c.StartUtc, c.EndUtc })
            .ToListAsync(ct);
        return ids.ToDictionary(id => id, id => busy.Where(b => b.ConsultantId == id).Select(b => new BusyTime(b.StartUtc, b.EndUtc)).ToList());
    }

    private static TimeZoneInfo ZoneOf(ConsultantAvailability consultant) => TimeZones.Find(consultant.Consultant?.TimeZoneId);
}
