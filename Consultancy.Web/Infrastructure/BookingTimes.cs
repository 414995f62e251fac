using System.Globalization;

namespace Consultancy.Web.Infrastructure;

/// <summary>Times on the public booking pages, in the zone the visitor chose (they are not signed in).</summary>
public static class BookingTimes
{
    public static DateTime Local(DateTime utc, string zoneId) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Consultancy.Application.Domain.TimeZones.Find(zoneId));

    public static string Time(DateTime utc, string zoneId) => Local(utc, zoneId).ToString("HH:mm", CultureInfo.InvariantCulture);

    public static string Day(DateOnly date) => date.ToString("dddd d MMMM", CultureInfo.InvariantCulture);

    public static string DayAndTime(DateTime utc, string zoneId) =>
        Local(utc, zoneId).ToString("dddd d MMMM yyyy, HH:mm", CultureInfo.InvariantCulture) + $" ({zoneId})";

    /// <summary>The form of an instant that travels in booking URLs and forms.</summary>
    public static string Iso(DateTime utc) => utc.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
