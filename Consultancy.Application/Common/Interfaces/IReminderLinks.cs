namespace Consultancy.Application.Common.Interfaces;

/// <summary>Signed, login-free links that go into reminder emails.</summary>
public interface IReminderLinks
{
    /// <summary>The public page where the client stops reminders, e.g. https://crm.example.com/u/{token}.</summary>
    string Unsubscribe(int clientId);

    /// <summary>The client a token from <see cref="Unsubscribe"/> was made for, or null if it is forged, damaged or missing.</summary>
    int? ClientFromUnsubscribeToken(string? token);
}
