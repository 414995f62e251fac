using System.Globalization;
using System.Security.Cryptography;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Infrastructure.Identity;
using Microsoft.AspNetCore.DataProtection;

namespace Consultancy.Infrastructure.Email;

/// <summary>Unsubscribe links signed (and encrypted) with the app's data-protection keys; no expiry, as RFC 8058 expects.</summary>
internal sealed class ReminderLinks(IDataProtectionProvider protection, AppLinks links) : IReminderLinks
{
    private readonly IDataProtector _protector = protection.CreateProtector("Consultancy.Unsubscribe.v1");

    public string Unsubscribe(int clientId) =>
        links.Absolute("/u/" + _protector.Protect(clientId.ToString(CultureInfo.InvariantCulture)));

    public int? ClientFromUnsubscribeToken(string? token)
    {
        // Model binding turns an empty or blank path segment into null.
        if (string.IsNullOrWhiteSpace(token)) return null;
        try
        {
            return int.TryParse(_protector.Unprotect(token), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
        }
        // Damaged text that is not even base64url fails before the cryptography does.
        catch (Exception error) when (error is CryptographicException or FormatException)
        {
            return null;
        }
    }
}
