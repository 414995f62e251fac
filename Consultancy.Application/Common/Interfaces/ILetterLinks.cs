namespace Consultancy.Application.Common.Interfaces;

/// <summary>A referee's token names the letter and the referee it was made for.</summary>
public sealed record RefereeToken(int LetterId, string RefereeEmail);

/// <summary>Signed, login-free links that go into emails to referees.</summary>
public interface ILetterLinks
{
    /// <summary>The referee's personal page for one letter, e.g. https://crm.example.com/letters/r/{token}.</summary>
    string RefereePage(int letterId, string refereeEmail);

    /// <summary>What a token from <see cref="RefereePage"/> names, or null if it is forged, damaged or made for something else.</summary>
    RefereeToken? ReadRefereeToken(string token);

    /// <summary>The one-click link that stops follow-ups about one letter.</summary>
    string StopFollowUps(int letterId);

    int? LetterFromStopToken(string token);

    /// <summary>The client's page in the app, for notices to the consultant (sign-in required).</summary>
    string ClientPage(int clientId);
}
