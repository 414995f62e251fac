namespace Consultancy.Application.Common.Interfaces;

/// <summary>Who is acting. Drives the caseload rule: admins and the system see every client; anyone else only their own.</summary>
public interface ICurrentUser
{
    string? UserId { get; }
    bool IsAdmin { get; }
    bool IsSystem { get; }
    bool SeesAllClients => IsAdmin || IsSystem;
}
