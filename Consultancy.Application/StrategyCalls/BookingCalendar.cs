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

    public async Task<ConsultantAvailability?> BySlugAsync(string slug, CancellationToken ct) =>
        (await BookableAsync(ct)).SingleOrDefault(a => a.Slug == slug);

    /// <summary>Free start times of each consultant, from their availability minus every call that takes time.</summary>
    public async Task<Dictionary<string, IReadOnlyList<DateTime>>> FreeAsync(IReadOnlyList<ConsultantAvailability> consultants,
        int? exceptCallId, CancellationToken ct)
    {
        var ids = consultants.Select(c => c.ConsultantId).ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        var busy = await db.StrategyCalls.IgnoreQueryFilters()
            .Where(c => ids.Contains(c.ConsultantId) && c.Status != CallStatus.Cancelled && c.EndUtc > now && c.Id != exceptCallId)
            .Select(c => new { c.ConsultantId, c.StartUtc, c.EndUtc })
            .ToListAsync(ct);
        return consultants.ToDictionary(
            c => c.ConsultantId,
            c => slots.Free(c, TimeZones.Find(c.Consultant?.TimeZoneId), busy.Where(b => b.ConsultantId == c.ConsultantId).Select(b => new BusyTime(b.StartUtc, b.EndUtc))));
    }

    public static BookableConsultant Describe(ConsultantAvailability a) =>
        new(a.ConsultantId, a.PublicName, a.Slug, a.Consultant?.TimeZoneId ?? "UTC", a.CallMinutes);
}
