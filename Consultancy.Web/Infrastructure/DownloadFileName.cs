using System.Globalization;
using System.Text;

namespace Consultancy.Web.Infrastructure;

/// <summary>Download names like <c>deadlines-amara-okafor-2026-11-25.csv</c>: plain ASCII, dated in the viewer's zone.</summary>
public static class DownloadFileName
{
    public static string For(string subject, TimeZoneInfo viewerZone, TimeProvider clock, string extension = "csv")
    {
        var today = TimeZoneInfo.ConvertTimeFromUtc(clock.GetUtcNow().UtcDateTime, viewerZone);
        var slug = new StringBuilder();
        foreach (var ch in subject.Normalize(NormalizationForm.FormD).ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(ch)) slug.Append(ch);
            else if (CharUnicodeInfo.GetUnicodeCategory(ch) != UnicodeCategory.NonSpacingMark && slug.Length > 0 && slug[^1] != '-') slug.Append('-');
        }
        return $"{slug.ToString().Trim('-')}-{today:yyyy-MM-dd}.{extension}";
    }
}
