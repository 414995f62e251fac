using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Consultancy.Web.Infrastructure;

/// <summary>
/// Identity UI pages this app has no use for answer 404. Staff addresses are confirmed when an admin invites them and
/// change only through an admin, and there are no external sign-in providers; left open, these pages would send
/// emails whose links are built from the request's Host header, or throw on a provider that does not exist.
/// </summary>
public static class UnusedIdentityPages
{
    public static readonly IReadOnlyList<string> Pages =
    [
        "/Account/ResendEmailConfirmation", "/Account/RegisterConfirmation", "/Account/ConfirmEmail", "/Account/ConfirmEmailChange",
        "/Account/ExternalLogin", "/Account/Manage/Email", "/Account/Manage/ExternalLogins",
    ];

    public static PageConventionCollection AnswerNotFoundOnUnusedIdentityPages(this PageConventionCollection pages)
    {
        foreach (var page in Pages)
            pages.AddAreaPageApplicationModelConvention("Identity", page, model => model.Filters.Add(new NotFoundFilter()));
        return pages;
    }

    private sealed class NotFoundFilter : IResourceFilter
    {
        public void OnResourceExecuting(ResourceExecutingContext context) => context.Result = new NotFoundResult();
        public void OnResourceExecuted(ResourceExecutedContext context) { }
    }
}
