using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Consultancy.Application.Common;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;

namespace Consultancy.Web.Infrastructure;

/// <summary>
/// The Identity pages (sign-in, the account's email and phone number, password reset) bind input models of their own
/// that no use case validates, so their text is held here to the rule the use cases' single-line fields follow: the
/// page sees an invalid field and shows its form again. Passwords are left as typed: they are only ever hashed.
/// </summary>
public sealed class SingleLinePageInput : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        foreach (var bound in context.ActionDescriptor.BoundProperties.OfType<PageBoundPropertyDescriptor>())
        {
            var value = bound.Property.GetValue(context.HandlerInstance);
            if (value is string text) Check(context.ModelState, bound.Name, bound.Property, text);
            else if (value is not null && bound.ParameterType.IsClass)
                foreach (var property in bound.ParameterType.GetProperties().Where(p => p.PropertyType == typeof(string)))
                    Check(context.ModelState, $"{bound.Name}.{property.Name}", property, (string?)property.GetValue(value));
        }
        return next();
    }

    private static void Check(ModelStateDictionary modelState, string key, PropertyInfo property, string? text)
    {
        if (TextRules.IsSingleLineText(text) || property.GetCustomAttribute<DataTypeAttribute>()?.DataType == DataType.Password) return;
        modelState.AddModelError(key, TextRules.SingleLineMessage(property.GetCustomAttribute<DisplayAttribute>()?.GetName() ?? property.Name));
    }
}
