using Consultancy.Application.Common.Exceptions;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Application.StrategyCalls;

/// <summary>
/// Times staff type for a call: a date and time on their own calendar. Staff may book outside the public
/// hours, but never over another call of the same consultant.
/// </summary>
internal static class StaffCallTimes
{
    public const string OverlapMessage = "The consultant already has a call at that time. Choose another time.";

    public static async Task<DateTime> ToUtcAsync(this IAppDbContext db, ICurrentUser user, DateOnly date, TimeOnly time, CancellationToken ct)
    {
        var zoneId = await db.UserProfiles.Where(u => u.Id == user.UserId).Select(u => u.TimeZoneId).SingleOrDefaultAsync(ct);
        return LocalTimes.ToUtc(date.ToDateTime(time), TimeZones.Find(zoneId));
    }

    /// <summary>Throws when the consultant has another live call overlapping this time; reads past the caseload rule, answering only yes or no.</summary>
    public static async Task EnsureFreeAsync(this IAppDbContext db, string consultantId, DateTime startUtc, DateTime endUtc, int? exceptCallId, CancellationToken ct)
    {
        var taken = await db.StrategyCalls.IgnoreQueryFilters().AnyAsync(c => c.ConsultantId == consultantId && c.Status != CallStatus.Cancelled
            && c.Id != exceptCallId && c.StartUtc < endUtc && c.EndUtc > startUtc, ct);
        if (taken) throw new ValidationException("Time", OverlapMessage);
    }
}
