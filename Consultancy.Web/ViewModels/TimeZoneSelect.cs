namespace Consultancy.Web.ViewModels;

public sealed record TimeZoneSelect(string Name, string? Selected);
