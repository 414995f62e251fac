using System.Globalization;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Infrastructure.Identity;
using Microsoft.AspNetCore.DataProtection;

namespace Consultancy.Infrastructure.Email;

/// <summary>
/// Referee links signed and encrypted with the app's data-protection keys. Each kind of link has its own
/// purpose, so a token made for one (an unsubscribe link, a stop link) is worthless as another. Expiry
/// follows the letter (open, or closed less than a grace period ago), so it is checked against the letter.
/// </summary>
internal sealed class LetterLinks(IDataProtectionProvider protection, AppLinks links) : ILetterLinks
{
    private readonly IDataProtector _referee = protection.CreateProtector("Consultancy.LetterReferee.v1");
    private readonly IDataProtector _stop = protection.CreateProtector("Consultancy.LetterFollowUpStop.v1");

    public string RefereePage(int letterId, string refereeEmail) =>
        links.Absolute("/letters/r/" + _referee.Protect($"{letterId.ToString(CultureInfo.InvariantCulture)}|{refereeEmail.Trim().ToLowerInvariant()}"));

    public RefereeToken? ReadRefereeToken(string token)
    {
        var payload = _referee.TryUnprotect(token);
        var parts = payload?.Split('|', 2);
        return parts is [var id, var email] && int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var letterId)
            ? new RefereeToken(letterId, email)
            : null;
    }

    public string StopFollowUps(int letterId) =>
        links.Absolute("/letters/stop/" + _stop.Protect(letterId.ToString(CultureInfo.InvariantCulture)));

    public int? LetterFromStopToken(string token) =>
        int.TryParse(_stop.TryUnprotect(token), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    public string ClientPage(int clientId) =>
        links.Absolute($"/Clients/Details/{clientId.ToString(CultureInfo.InvariantCulture)}#letters");
}
