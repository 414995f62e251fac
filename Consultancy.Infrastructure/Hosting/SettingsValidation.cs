using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Consultancy.Infrastructure.Hosting;

/// <summary>
/// Every configuration section is a settings class, bound here once and checked when the app starts: a bad value stops
/// the app with a message naming its key (e.g. "Digest:CheckIntervalMinutes must be at least 1.") instead of being
/// corrected silently. The rules are the <see cref="ValidationAttribute"/>s on the class's properties (each message
/// begins with the key), the members of a property marked <see cref="ValidateObjectMembersAttribute"/> (a nested
/// section such as <c>Email:Smtp</c>), and, for rules across several keys, <see cref="IValidatableObject"/>, whose
/// messages name their keys themselves. The class's property initialisers are the defaults.
/// </summary>
public static class SettingsValidation
{
    /// <summary>Binds <paramref name="section"/> to <typeparamref name="TSettings"/>, checked at start and on first use.</summary>
    public static OptionsBuilder<TSettings> AddSettings<TSettings>(this IServiceCollection services, IConfiguration configuration, string section)
        where TSettings : class
    {
        services.AddSingleton<IValidateOptions<TSettings>>(new SectionValidation<TSettings>(section));
        return services.AddOptions<TSettings>().Bind(configuration.GetSection(section)).ValidateOnStart();
    }

    /// <summary>
    /// The settings as they are, or <see cref="OptionsValidationException"/> listing what is wrong with them: for the
    /// few settings that decide what is registered (which database), needed before there is a container to check them.
    /// </summary>
    internal static TSettings Checked<TSettings>(TSettings settings, string section) where TSettings : class
    {
        var problems = Problems(settings, section);
        return problems.Count == 0 ? settings : throw new OptionsValidationException(Options.DefaultName, typeof(TSettings), problems);
    }

    /// <summary>What is wrong with <paramref name="settings"/>, each message naming its key under <paramref name="path"/>.</summary>
    private static IReadOnlyList<string> Problems(object settings, string path)
    {
        var problems = new List<string>();
        foreach (var property in settings.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            // Settings are the bindable properties; the rest are computed from them.
            if (!property.CanWrite || property.GetIndexParameters().Length > 0) continue;
            var key = $"{path}:{property.Name}";
            var value = property.GetValue(settings);
            foreach (var rule in property.GetCustomAttributes<ValidationAttribute>())
                if (!rule.IsValid(value)) problems.Add(rule.FormatErrorMessage(key));
            if (value is not null && property.IsDefined(typeof(ValidateObjectMembersAttribute)))
                problems.AddRange(Problems(value, key));
        }
        // Rules across keys only make sense once each key is fine on its own.
        if (problems.Count == 0 && settings is IValidatableObject whole)
            problems.AddRange(whole.Validate(new ValidationContext(settings)).Select(result => result.ErrorMessage ?? $"{path} is not valid."));
        return problems;
    }

    private sealed class SectionValidation<TSettings>(string section) : IValidateOptions<TSettings> where TSettings : class
    {
        public ValidateOptionsResult Validate(string? name, TSettings options) =>
            Problems(options, section) is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
    }
}
