using Consultancy.Application.Common.Mapping;
using Consultancy.Application.Domain;
using Microsoft.AspNetCore.Html;

namespace Consultancy.Web.Infrastructure;

/// <summary>
/// A program's fit as badges, one per requirement: green met, grey unknown, red not met; the reason is on hover and in
/// the badge's text for screen readers. Written as plain HTML, not a partial view: a client's list of 250 applications
/// shows 1,500 badges, and a partial per row was a good part of the page's time.
/// </summary>
public static class FitBadges
{
    public static IHtmlContent For(ProgramFit fit)
    {
        var html = new HtmlContentBuilder(2 + fit.Checks.Count * 11);
        html.AppendHtml("<ul class=\"list-inline fit-badges mb-0\" aria-label=\"Fit\">");
        foreach (var check in fit.Checks)
        {
            var (css, word) = check.Result switch
            {
                FitResult.Met => ("text-bg-success", "met"),
                FitResult.NotMet => ("text-bg-danger", "not met"),
                _ => ("text-bg-secondary", "unknown"),
            };
            html.AppendHtml("<li class=\"list-inline-item\"><span class=\"badge ").AppendHtml(css).AppendHtml("\" title=\"").Append(check.Reason)
                .AppendHtml("\">").Append(check.Requirement.DisplayName())
                .AppendHtml("<span class=\"visually-hidden\">: ").Append(word).AppendHtml(", ").Append(check.Reason).AppendHtml("</span></span></li>");
        }
        return html.AppendHtml("</ul>");
    }
}
