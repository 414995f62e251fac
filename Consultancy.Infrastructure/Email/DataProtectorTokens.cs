using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Consultancy.Infrastructure.Email;

/// <summary>Reads the tokens of the app's login-free links, where anything a visitor types must be a "no", never an error.</summary>
internal static class DataProtectorTokens
{
    /// <summary>The text a token protects, or null when it is blank, damaged, made up, or made for another purpose.</summary>
    public static string? TryUnprotect(this IDataProtector protector, string? token)
    {
        // Model binding turns an empty or blank path segment into null.
        if (string.IsNullOrWhiteSpace(token)) return null;
        try
        {
            return protector.Unprotect(token);
        }
        // Damaged text that is not even base64url fails before the cryptography does.
        catch (Exception error) when (error is CryptographicException or FormatException)
        {
            return null;
        }
    }
}
