using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Reflection;

namespace Consultancy.Application.Common.Mapping;

public static class EnumDisplay
{
    // Pages show hundreds of these (a board card's move menu lists every stage); reflection runs once per value.
    private static readonly ConcurrentDictionary<Enum, string> Names = new();

    /// <summary>The enum value's [Display(Name)] if it has one, else its name.</summary>
    public static string DisplayName(this Enum value) =>
        Names.GetOrAdd(value, v => v.GetType().GetField(v.ToString())?.GetCustomAttribute<DisplayAttribute>()?.GetName() ?? v.ToString());
}
