namespace Consultancy.Application.Domain;

/// <summary>
/// What each record of a client needs to erase the client's personal data from itself
/// (<see cref="IClientOwned.ErasePersonalData"/>), taken before any record changes: the names and addresses to look
/// for, the placeholder that replaces them ("Erased client #12"), and the addresses that stand in for erased ones.
/// </summary>
public sealed class ClientErasure
{
    public ClientErasure(Client client, IEnumerable<LetterRequest> letters, IReadOnlySet<string> keptHistoryFields, DateTime now)
    {
        var id = client.Id;
        ClientId = id;
        Now = now;
        Replacement = $"Erased client #{id}";
        Mentions = [client.FullName, client.Email];
        OwnMentions = [client.FullName, client.Email, client.FirstName, client.LastName];
        KeptHistoryFields = keptHistoryFields;

        var addresses = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { [client.Email] = Client.ErasedAddress($"client-{id}") };
        var refereeMentions = new List<string>();
        foreach (var letter in letters)
        {
            refereeMentions.AddRange([letter.RefereeName, letter.RefereeEmail]);
            addresses.TryAdd(letter.RefereeEmail, Client.ErasedAddress($"referee-{letter.Id}"));
        }
        RefereeMentions = refereeMentions;
        ErasedAddresses = addresses;
    }

    public int ClientId { get; }
    public DateTime Now { get; }

    /// <summary>What a mention of the client becomes.</summary>
    public string Replacement { get; }

    /// <summary>
    /// How the client is mentioned elsewhere (the security log, other people's emails and history): their full name and
    /// address. A referee's name may rightly appear on another client's letters, so it is erased only in this client's
    /// records.
    /// </summary>
    public IReadOnlyList<string> Mentions { get; }

    /// <summary>In the client's own records a first or last name alone is a mention too ("Call Amina's dean").</summary>
    public IReadOnlyList<string> OwnMentions { get; }

    /// <summary>The names and addresses of the referees of the client's letters (a letter's deadline is titled after its referee).</summary>
    public IReadOnlyList<string> RefereeMentions { get; }

    /// <summary>The client's and their referees' addresses, each with the address that never receives mail that replaces it.</summary>
    public IReadOnlyDictionary<string, string> ErasedAddresses { get; }

    /// <summary>History values that stay: categories, stages, statuses and dates of record, which identify nobody.</summary>
    public IReadOnlySet<string> KeptHistoryFields { get; }
}
