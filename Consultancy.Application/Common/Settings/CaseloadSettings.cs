namespace Consultancy.Application.Common.Settings;

/// <summary>The <c>Caseload</c> configuration section.</summary>
public sealed class CaseloadSettings
{
    public const string Section = "Caseload";

    /// <summary>How long a total over a caseload is kept (see <see cref="CaseloadTotals"/>); 0 counts on every request.</summary>
    [AtLeast(0)] public int TotalsCacheSeconds { get; set; } = (int)CaseloadTotals.DefaultLifetime.TotalSeconds;

    public TimeSpan TotalsLifetime => TimeSpan.FromSeconds(TotalsCacheSeconds);
}
