namespace Consultancy.Application.Domain;

public sealed class ClientNote
{
    public int Id { get; private set; }
    public int ClientId { get; private set; }
    public Client? Client { get; private set; }
    public string Body { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public string? AuthorId { get; private set; }
    public UserProfile? Author { get; private set; }

    private ClientNote() { }

    internal ClientNote(string body, DateTime createdAt, string? authorId)
    {
        Body = body;
        CreatedAt = createdAt;
        AuthorId = authorId;
    }
}
