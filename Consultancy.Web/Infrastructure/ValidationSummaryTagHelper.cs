using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Consultancy.Web.Infrastructure;

/// <summary>
/// The built-in validation summary writes an empty placeholder item with an inline style, which the
/// Content-Security-Policy blocks (and browsers report). This swaps the style for a class that does the same.
/// </summary>
[HtmlTargetElement("div", Attributes = "asp-validation-summary")]
public sealed class ValidationSummaryWithoutInlineStyleTagHelper : TagHelper
{
    private const string InlineStyledPlaceholder = "<li style=\"display:none\"></li>";

    /// <summary>After the built-in summary (order -1000) has written its list.</summary>
    public override int Order => 0;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var list = output.PostContent.GetContent();
        if (list.Contains(InlineStyledPlaceholder, StringComparison.Ordinal))
            output.PostContent.SetHtmlContent(list.Replace(InlineStyledPlaceholder, "<li class=\"d-none\"></li>", StringComparison.Ordinal));
    }
}
