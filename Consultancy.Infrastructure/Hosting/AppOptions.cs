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
    public string BaseUrl { get; set; } = "http://localhost:5288";
}

/// <summary>
/// Stops the app at start with a message naming the key when <c>App:BaseUrl</c> cannot be right. Tools that run the
/// use cases without a host (benchmarks, the seeder) have no environment and get only the address check.
/// </summary>
internal sealed class AppOptionsValidation(IHostEnvironment? environment = null) : IValidateOptions<AppOptions>
{
    public ValidateOptionsResult Validate(string? name, AppOptions options)
    {
        if (!Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out var address) || address.Scheme is not ("http" or "https")
            || !string.IsNullOrEmpty(address.Query) || !string.IsNullOrEmpty(address.Fragment))
            return ValidateOptionsResult.Fail(
                $"App:BaseUrl must be the absolute http(s) address users open the app at, e.g. https://crm.example.com; it is \"{options.BaseUrl}\".");
        if (environment?.IsProduction() == true && address.IsLoopback)
            return ValidateOptionsResult.Fail(
                $"App:BaseUrl is \"{options.BaseUrl}\", a local address, but the app runs in Production: emailed links would point there. " +
                "Set App:BaseUrl to the public address, e.g. https://crm.example.com (see docs/deploy.md).");
        return ValidateOptionsResult.Success;
    }
}
