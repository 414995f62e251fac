using System.Globalization;
using Consultancy.Application.Clients;
using Consultancy.Application.Dashboard;
using Consultancy.Application.Deadlines;
using Consultancy.Application.Domain;

namespace Consultancy.Web.ViewModels;

public sealed record DashboardViewModel(DashboardModel Dashboard, IReadOnlyList<StaffOption> Consultants)
{
    /// <summary>Route values for a list behind a figure, narrowed to the consultant an admin picked.</summary>
    public Dictionary<string, string?> Route(params (string Key, string? Value)[] values)
    {
        var route = values.ToDictionary(v => v.Key, v => v.Value);
        if (Dashboard.ConsultantId is not null) route["consultantId"] = Dashboard.ConsultantId;
        return route;
    }

    public string? ConsultantName => Consultants.FirstOrDefault(c => c.Id == Dashboard.ConsultantId)?.DisplayName;

    public int LargestStage => Math.Max(1, Dashboard.ClientsByStage.Max(s => s.Count));

    public int LargestSeason => Math.Max(1, Dashboard.OutcomesBySeason.Select(s => s.Total).DefaultIfEmpty().Max());

    /// <summary>A bar's length as an SVG percentage, with a sliver for non-zero counts so they stay visible.</summary>
    public static string Percent(int count, int largest) => count == 0
        ? "0%"
        : Math.Max(1.5, 100.0 * count / largest).ToString("0.##", CultureInfo.InvariantCulture) + "%";

    public static string Offset(int before, int largest) =>
        (100.0 * before / largest).ToString("0.##", CultureInfo.InvariantCulture) + "%";
}

/// <summary>One deadlines list on the dashboard: its heading, first items, total and the full list's route.</summary>
public sealed record DashboardDeadlines(string Heading, string Id, DashboardList<DeadlineListItem> Deadlines, Dictionary<string, string?> Route, string EmptyText);
