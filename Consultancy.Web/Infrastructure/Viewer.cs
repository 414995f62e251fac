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
        var tag = new TagBuilder("time");
        tag.Attributes["datetime"] = utc.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        tag.Attributes["title"] = zone.Id;
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
