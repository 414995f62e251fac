namespace Consultancy.Application.Domain;

/// <summary>
/// A letter of recommendation assigned to one of the client's applications (ERAS lets a program receive at most 4). Made and
/// removed by <see cref="LetterRequest.AssignTo"/>, which keeps the letter's rules.
/// </summary>
public sealed class LetterAssignment : IClientOwned
{
    public int Id { get; private set; }
    public int ClientId { get; private set; }
    int? IClientOwned.ClientId => ClientId;
    public Client? Client { get; private set; }
    public int LetterRequestId { get; private set; }
    public LetterRequest? LetterRequest { get; private set; }
    public int ApplicationId { get; private set; }
    public ProgramApplication? Application { get; private set; }

    private LetterAssignment() { }

    internal LetterAssignment(LetterRequest letter, ProgramApplication application)
    {
        ClientId = application.ClientId;
        LetterRequest = letter;
        LetterRequestId = letter.Id;
        Application = application;
        ApplicationId = application.Id;
    }

    public AfterErasure ErasePersonalData(ClientErasure erasure) => AfterErasure.Keep;
}
