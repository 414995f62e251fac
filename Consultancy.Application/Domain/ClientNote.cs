namespace Consultancy.Application.Domain;

public sealed class ClientNote : IAudited
{
    public int Id { get; private set; }
    public int ClientId { get; private set; }
    int? IClientOwned.ClientId => ClientId;
    public Client? Client { get; private set; }
    public string Body { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public string? AuthorId { get; private set; }
    public UserProfile? Author { get; private set; }

    private ClientNote() { }

    /// <summary>A note about another client that mentions an erased person: only the mentions go.</summary>
    public void Redact(IReadOnlyList<string> mentions, string replacement) => Body = Redaction.Apply(Body, mentions, replacement)!;

    /// <summary>A note about an erased client is all personal: it goes.</summary>
    public AfterErasure ErasePersonalData(ClientErasure erasure) => AfterErasure.Delete;

    internal ClientNote(string body, DateTime createdAt, string? authorId)
    {
        Body = body;
        CreatedAt = createdAt;
        AuthorId = authorId;
    }
}
