using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Consultancy.Infrastructure.Hosting;

/// <summary>The app's own settings (section <c>App</c>).</summary>
public sealed class AppOptions
{
    public const string Section = "App";

    /// <summary>
    /// The address users open the app at. Every link in an email (password reset, invitation, unsubscribe, referee,
    /// booking, digest) and the calendar feed address are built from it, never from the request, whose Host header
    /// anyone can forge.
    /// </summary>
    [AbsoluteHttpAddress] public string BaseUrl { get; set; } = "http://localhost:5288";
}

/// <summary>An absolute http or https address without a query or fragment, e.g. https://crm.example.com.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class AbsoluteHttpAddressAttribute()
    : ValidationAttribute("{0} must be the absolute http(s) address users open the app at, e.g. https://crm.example.com.")
{
    public override bool IsValid(object? value) =>
        value is string text && Uri.TryCreate(text, UriKind.Absolute, out var address) && address.Scheme is "http" or "https"
        && string.IsNullOrEmpty(address.Query) && string.IsNullOrEmpty(address.Fragment);
}

/// <summary>
/// In Production, <c>App:BaseUrl</c> may not be a local address: emailed links would point there. This is the one rule
/// that depends on the environment, so it stands beside the section's own checks. Tools that run the use cases without
/// a host (benchmarks, the seeder) have no environment.
/// </summary>
internal sealed class PublicBaseUrlInProduction(IHostEnvironment? environment = null) : IValidateOptions<AppOptions>
{
    public ValidateOptionsResult Validate(string? name, AppOptions options) =>
        environment?.IsProduction() == true && Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out var address) && address.IsLoopback
            ? ValidateOptionsResult.Fail(
                $"App:BaseUrl is \"{options.BaseUrl}\", a local address, but the app runs in Production: emailed links would point there. " +
                "Set App:BaseUrl to the public address, e.g. https://crm.example.com (see docs/deploy.md).")
            : ValidateOptionsResult.Success;
}
