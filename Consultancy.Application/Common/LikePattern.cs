namespace Consultancy.Application.Common;

/// <summary>SQL LIKE patterns for literal text: <c>%</c>, <c>_</c> and the escape character itself are escaped with a backslash.</summary>
public static class LikePattern
{
    public const string Escape = "\\";

    public static string Containing(string text) =>
        "%" + text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
}
