using System.Globalization;
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

    public int? ClientFromUnsubscribeToken(string? token) =>
        int.TryParse(_protector.TryUnprotect(token), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
}
