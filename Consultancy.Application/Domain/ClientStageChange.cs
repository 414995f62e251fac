namespace Consultancy.Application.Domain;

public sealed class ClientStageChange : IClientOwned
{
    public int Id { get; private set; }
    public int ClientId { get; private set; }
    int? IClientOwned.ClientId => ClientId;
    public Client? Client { get; private set; }
    public ClientStage? FromStage { get; private set; }
    public ClientStage ToStage { get; private set; }
    public DateTime ChangedAt { get; private set; }
    public string? ChangedById { get; private set; }
    public UserProfile? ChangedBy { get; private set; }

    private ClientStageChange() { }

    /// <summary>Stages and their dates identify nobody: the history stays for the caseload's charts.</summary>
    public AfterErasure ErasePersonalData(ClientErasure erasure) => AfterErasure.Keep;

    internal ClientStageChange(ClientStage? from, ClientStage to, DateTime changedAt, string? changedById)
    {
        FromStage = from;
        ToStage = to;
        ChangedAt = changedAt;
        ChangedById = changedById;
    }
}
