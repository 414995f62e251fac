namespace Consultancy.Web.ViewModels;

/// <summary>What the pager partial shows, and how to link to another page of the same list.</summary>
public sealed record PagerModel(int Page, int PageCount, int PageSize, int TotalCount, Func<int, string?> Url);
