using System.ComponentModel.DataAnnotations;
using System.Reflection;

namespace Consultancy.Application.Common.Mapping;

public static class EnumDisplay
{
    /// <summary>The enum value's [Display(Name)] if it has one, else its name.</summary>
    public static string DisplayName(this Enum value) =>
        value.GetType().GetField(value.ToString())?.GetCustomAttribute<DisplayAttribute>()?.GetName()
        ?? value.ToString();
}
