namespace Consultancy.Web.ViewModels;

/// <param name="LinkClass">"nav-link" in the bar, "dropdown-item" inside a menu.</param>
public sealed record NavLink(string Text, string Controller, string Action, string LinkClass = "nav-link")
{
    /// <summary>The admin pages, grouped under one menu so the bar fits on one line.</summary>
    public static readonly IReadOnlyList<NavLink> Admin =
    [
        new("Reports", "Reports", "Index", "dropdown-item"),
        new("Seasons", "Seasons", "Index", "dropdown-item"),
        new("Interview criteria", "InterviewCriteria", "Index", "dropdown-item"),
        new("Users", "Users", "Index", "dropdown-item"),
        new("Security log", "SecurityLog", "Index", "dropdown-item"),
        new("Backup", "Backup", "Index", "dropdown-item"),
    ];

    public bool IsCurrent(string? controller) => string.Equals(controller, Controller, StringComparison.OrdinalIgnoreCase);
}
