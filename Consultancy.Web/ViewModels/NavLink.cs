namespace Consultancy.Web.ViewModels;

public sealed record NavLink(string Text, string Controller, string Action);
