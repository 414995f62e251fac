using Consultancy.Application.Common.Exceptions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.StrategyCalls;
using Microsoft.AspNetCore.Routing;

namespace Consultancy.Web.Infrastructure;

/// <summary>
/// The one place where use-case outcomes become HTTP: invalid input and a broken domain rule re-show the form with
/// their messages (or, for small forms posted from another page, go back there with a flash message), a conflict
/// re-shows the form beside the saved version, not-found and forbidden become 404 and 403.
/// </summary>
public sealed class UseCaseExceptionFilter : IAsyncActionFilter
{
    public const string ConflictKey = "Conflict";

    public async Task OnActionExecutionAsync(ActionExecutingContext before, ActionExecutionDelegate next)
    {
        if (before.Controller is not Controller controller) { await next(); return; }

        // Only a form can be shown again; an action without one (the error pages, re-executed for a refused
        // POST whose body could not be read) goes on to its own result.
        if (HttpMethods.IsPost(before.HttpContext.Request.Method) && !before.ModelState.IsValid
            && (FormModel(before) is not null || ReturnTarget(before) is not null))
        {
            before.Result = Invalid(controller, before, before.ModelState);
            return;
        }

        var after = await next();
        if (after.Exception is null || after.ExceptionHandled) return;

        after.Result = after.Exception switch
        {
            ValidationException invalid => Invalid(controller, before, ToModelState(invalid.Errors)),
            // A rule of the record's state, not of one field: the message goes on top of the form, as a form-wide error.
            BusinessRuleException broken => Invalid(controller, before, ToModelState(new Dictionary<string, string[]> { [""] = [broken.Message] })),
            ConcurrencyException conflict => Conflict(controller, before, conflict),
            SlotRefusedException refused => SlotRefused(controller, before, refused),
            NotFoundException => new NotFoundResult(),
            ForbiddenException => new StatusCodeResult(StatusCodes.Status403Forbidden),
            // Two saves of the same record at once (a double-click, two tabs): the database kept one of them.
            DbUpdateException => Invalid(controller, before, ToModelState(new Dictionary<string, string[]>
            {
                [""] = ["Someone else saved this at the same moment. Reload the page and try again."],
            })),
            _ => null,
        };
        after.ExceptionHandled = after.Result is not null;
    }

    private static IActionResult Invalid(Controller controller, ActionExecutingContext before, ModelStateDictionary errors)
    {
        if (ReturnTarget(before) is { } target)
        {
            controller.TempData.Flash(FlashKind.Error, string.Join(" ", errors.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage)));
            return target;
        }
        if (!ReferenceEquals(errors, controller.ModelState)) controller.ModelState.Merge(errors);
        return Redisplay(controller, before, StatusCodes.Status400BadRequest);
    }

    /// <summary>
    /// The chosen time cannot be booked (someone else got it first, or it was never offered): back to the free
    /// times, fresh, in the visitor's zone, with the reason on top. The time is what needs changing, and that is
    /// chosen there, not on the form.
    /// </summary>
    private static IActionResult? SlotRefused(Controller controller, ActionExecutingContext before, SlotRefusedException refused)
    {
        var attribute = before.ActionDescriptor.EndpointMetadata.OfType<OnSlotRefusedReturnToAttribute>().FirstOrDefault();
        if (attribute is null) return null;
        controller.TempData.Flash(FlashKind.Error, refused.Message);
        var routeValues = SameRouteValues(before);
        var request = before.HttpContext.Request;
        var zone = request.HasFormContentType ? request.Form["TimeZoneId"] : request.Query["tz"];
        if (zone.Count > 0) routeValues["tz"] = zone.ToString();
        return new RedirectToActionResult(attribute.Action, null, routeValues);
    }

    private static IActionResult Conflict(Controller controller, ActionExecutingContext before, ConcurrencyException conflict)
    {
        controller.ModelState.AddModelError("", conflict.Message);
        controller.ViewData[ConflictKey] = conflict.Current;
        if (FormModel(before) is IConcurrencyChecked form && conflict.Current is IConcurrencyChecked current)
        {
            // Saving again from here means "keep my version": it now starts from the version just shown.
            form.Version = current.Version;
            controller.ModelState.Remove(nameof(IConcurrencyChecked.Version));
        }
        return Redisplay(controller, before, StatusCodes.Status409Conflict);
    }

    private static ViewResult Redisplay(Controller controller, ActionExecutingContext before, int status)
    {
        var view = controller.View(FormModel(before));
        view.StatusCode = status;
        return view;
    }

    /// <summary>The action's form: a class bound from the body. Enums, dates and other values are single fields, not forms.</summary>
    private static object? FormModel(ActionExecutingContext before) =>
        before.ActionArguments.Values.FirstOrDefault(v => v is not null && v.GetType().IsClass && v is not string);

    /// <summary>The page the small form was posted from, as it was: its record's id and, for a list, its filters and page in the query.</summary>
    private static IActionResult? ReturnTarget(ActionExecutingContext before)
    {
        var attribute = before.ActionDescriptor.EndpointMetadata.OfType<OnInvalidReturnToAttribute>().FirstOrDefault();
        if (attribute is null) return null;
        var values = SameRouteValues(before);
        foreach (var (name, value) in before.HttpContext.Request.Query) values.TryAdd(name, value.ToString());
        return new RedirectToActionResult(attribute.Action, null, values);
    }

    /// <summary>The posted page's own route values (its id, slug or token), to go back to a page of the same record.</summary>
    private static RouteValueDictionary SameRouteValues(ActionExecutingContext before)
    {
        var values = new RouteValueDictionary(before.RouteData.Values);
        values.Remove("action");
        values.Remove("controller");
        return values;
    }

    private static ModelStateDictionary ToModelState(IReadOnlyDictionary<string, string[]> errors)
    {
        var state = new ModelStateDictionary();
        foreach (var (field, messages) in errors)
            foreach (var message in messages) state.AddModelError(field, message);
        return state;
    }
}

/// <summary>Marks a booking form or link: when the chosen time cannot be booked, go back to the page of free times.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class OnSlotRefusedReturnToAttribute(string action) : Attribute
{
    public string Action { get; } = action;
}

/// <summary>Marks a small form posted from another page: on invalid input, go back to that page with a message.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class OnInvalidReturnToAttribute(string action) : Attribute
{
    public string Action { get; } = action;
}
