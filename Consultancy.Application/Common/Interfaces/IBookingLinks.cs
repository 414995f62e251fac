namespace Consultancy.Application.Common.Interfaces;

/// <summary>Signed, expiring, login-free links an applicant uses to manage their strategy call.</summary>
public interface IBookingLinks
{
    /// <summary>A token for the call's manage page, valid until <paramref name="expiresAt"/>.</summary>
    string ManageToken(int callId, DateTime expiresAt);

    /// <summary>The absolute address of the manage page for a token.</summary>
    string ManageUrl(string token);

    /// <summary>The absolute address of the call's page inside the app, for the consultant's notice.</summary>
    string StaffCallUrl(int callId);

    /// <summary>The call a token was made for; null if it is forged, damaged or expired.</summary>
    int? CallFromManageToken(string token);
}
