using System.Globalization;
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
        var parts = _protector.TryUnprotect(token)?.Split('|');
        if (parts is not [var callId, var expiry]
            || !int.TryParse(callId, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            || !long.TryParse(expiry, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)) return null;
        return new DateTime(ticks, DateTimeKind.Utc) < clock.GetUtcNow().UtcDateTime ? null : id;
    }
}
