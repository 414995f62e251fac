using Consultancy.Application.Common;
using Consultancy.Application.Domain;
using FluentValidation;

namespace Consultancy.Application.Users;

internal static class StaffFieldsValidation
{
    public static void DisplayNameRule<T>(this AbstractValidator<T> validator, System.Linq.Expressions.Expression<Func<T, string>> name) =>
        validator.RuleFor(name).SingleLine().NotEmpty().WithMessage("Enter a display name.")
            .MaximumLength(100).WithMessage("A display name has at most 100 characters.");

    public static void TimeZoneRule<T>(this AbstractValidator<T> validator, System.Linq.Expressions.Expression<Func<T, string>> zone) =>
        validator.RuleFor(zone).SingleLine().Must(TimeZones.IsValidIana)
            .WithMessage("Choose a time zone from the list, like America/New_York.");
}
