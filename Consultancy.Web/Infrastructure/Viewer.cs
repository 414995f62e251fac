using System.Globalization;
using System.Security.Claims;
using Consultancy.Application.Domain;
using Consultancy.Infrastructure.Identity;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Consultancy.Web.Infrastructure;

/// <summary>What views need to know about the person looking at them: name, role, and time zone.</summary>
public static class Viewer
{
    public static string DisplayName(this ClaimsPrincipal user) =>
        user.FindFirstValue(ProfileClaims.DisplayName) ?? user.Identity?.Name ?? "";

    public static bool IsAdmin(this ClaimsPrincipal user) => user.IsInRole(Roles.Admin);

    public static TimeZoneInfo TimeZone(this ClaimsPrincipal user) => TimeZones.Find(user.FindFirstValue(ProfileClaims.TimeZone));

    /// <summary>A UTC instant as the viewer's local time, machine-readable in the datetime attribute.</summary>
    public static IHtmlContent LocalTime(this IHtmlHelper html, DateTime utc, bool withZone = false) =>
        LocalTime(utc, html.ViewContext.HttpContext.User.TimeZone(), withZone);

    /// <summary>The same in a zone looked up once, for a list that shows hundreds of times.</summary>
    public static IHtmlContent LocalTime(DateTime utc, TimeZoneInfo zone, bool withZone = false)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);
        var text = local.ToString("d MMM yyyy, HH:mm", CultureInfo.InvariantCulture) + (withZone ? $" ({zone.Id})" : "");
        return TimeTag(utc, text, zone.Id);
    }

    /// <summary>
    /// An instant as the applicant receives it — their own clock and zone, "16 Sep 2026, 09:00 Asia/Karachi" — then,
    /// smaller, the viewer's time (in the zone of the column's or section's note), unless both clocks read the same.
    /// </summary>
    public static IHtmlContent ApplicantTime(this IHtmlHelper html, DateTime utc, string applicantZoneId)
    {
        var applicantZone = TimeZones.Find(applicantZoneId);
        var viewerZone = html.ViewContext.HttpContext.User.TimeZone();
        var instant = DateTime.SpecifyKind(utc, DateTimeKind.Utc);
        var theirs = TimeZoneInfo.ConvertTimeFromUtc(instant, applicantZone);
        var yours = TimeZoneInfo.ConvertTimeFromUtc(instant, viewerZone);

        var content = new HtmlContentBuilder();
        content.AppendHtml(TimeTag(instant, theirs.ToString("d MMM yyyy, HH:mm", CultureInfo.InvariantCulture) + " " + applicantZone.Id, applicantZone.Id));
        if (theirs != yours)
            content.AppendHtml(" ").AppendHtml(SecondTime($"{ClockOf(yours, theirs)} your time", viewerZone.Id));
        return content;
    }

    /// <summary>
    /// A deadline's due moment, once: the date alone when it is due by the end of a day (the applicant's date), or the
    /// due time in the viewer's zone, then, smaller, the applicant's own clock and zone where it reads differently.
    /// </summary>
    public static IHtmlContent DueMoment(this IHtmlHelper html, DateOnly dueDate, TimeOnly? dueTime, DateTime dueAtUtc, string applicantZoneId)
    {
        if (dueTime is null) return new HtmlContentBuilder().Append(Date(dueDate));
        var applicantZone = TimeZones.Find(applicantZoneId);
        var viewerZone = html.ViewContext.HttpContext.User.TimeZone();
        var instant = DateTime.SpecifyKind(dueAtUtc, DateTimeKind.Utc);
        var yours = TimeZoneInfo.ConvertTimeFromUtc(instant, viewerZone);
        var theirs = TimeZoneInfo.ConvertTimeFromUtc(instant, applicantZone);

        var content = new HtmlContentBuilder();
        content.AppendHtml(TimeTag(instant, yours.ToString("d MMM yyyy, HH:mm", CultureInfo.InvariantCulture), viewerZone.Id));
        if (theirs != yours)
            content.AppendHtml(" ").AppendHtml(SecondTime($"{ClockOf(theirs, yours)} {applicantZone.Id}", applicantZone.Id));
        return content;
    }

    /// <summary>The time of <paramref name="time"/>, with its day only when it falls on another day than <paramref name="beside"/>.</summary>
    private static string ClockOf(DateTime time, DateTime beside) =>
        time.ToString(time.Date == beside.Date ? "HH:mm" : "d MMM, HH:mm", CultureInfo.InvariantCulture);

    private static TagBuilder TimeTag(DateTime utc, string text, string zoneId)
    {
        var tag = new TagBuilder("time");
        tag.Attributes["datetime"] = utc.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        tag.Attributes["title"] = zoneId;
        tag.InnerHtml.Append(text);
        return tag;
    }

    private static TagBuilder SecondTime(string text, string zoneId)
    {
        var tag = new TagBuilder("span");
        tag.AddCssClass("second-time");
        tag.Attributes["title"] = zoneId;
        tag.InnerHtml.Append(text);
        return tag;
    }

    /// <summary>
    /// The viewer's zone in brackets, for the header of a column or section whose times are in it: one caption
    /// instead of the zone repeated on every row.
    /// </summary>
    public static IHtmlContent ZoneNote(this IHtmlHelper html)
    {
        var tag = new TagBuilder("span");
        tag.AddCssClass("zone-note");
        tag.InnerHtml.Append($"({html.ViewContext.HttpContext.User.TimeZone().Id})");
        return tag;
    }

    public static string Date(DateOnly? date) =>
        date?.ToString("d MMM yyyy", CultureInfo.InvariantCulture) ?? "—";
}
