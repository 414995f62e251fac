using System.Globalization;
using System.Security.Cryptography;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Infrastructure.Identity;
using Microsoft.AspNetCore.DataProtection;

namespace Consultancy.Infrastructure.Email;

/// <summary>
/// Manage-your-call links, signed and encrypted with the app's data-protection keys. The expiry travels inside
/// the token and is checked against the app's clock, like every other time rule.
/// </summary>
internal sealed class BookingLinks(IDataProtectionProvider protection, AppLinks links, TimeProvider clock) : IBookingLinks
{
    private readonly IDataProtector _protector = protection.CreateProtector("Consultancy.ManageCall.v1");

    public string ManageToken(int callId, DateTime expiresAt) =>
        _protector.Protect(string.Create(CultureInfo.InvariantCulture, $"{callId}|{expiresAt.Ticks}"));

    public string ManageUrl(string token) => links.Absolute("/book/manage/" + token);

    public string StaffCallUrl(int callId) => links.Absolute(string.Create(CultureInfo.InvariantCulture, $"/Calls/Details/{callId}"));

    public int? CallFromManageToken(string token)
    {
        string text;
        try
        {
            text = _protector.Unprotect(token);
        }
        catch (Exception error) when (error is CryptographicException or FormatException)
        {
            return null;
        }
        var parts = text.Split('|');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)) return null;
        return new DateTime(ticks, DateTimeKind.Utc) < clock.GetUtcNow().UtcDateTime ? null : id;
    }
}
