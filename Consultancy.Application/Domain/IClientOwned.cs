namespace Consultancy.Application.Domain;

/// <summary>
/// A record that belongs to a client (and <see cref="Client"/> itself). Declaring it is all a new kind of client record
/// needs: the caseload rule's query filter, the audit trail's link to the client's timeline, the records an erasure
/// loads and the store's clean-up after one all find it by this type, and a test checks that every table with a
/// client's data implements it and has a section in the client's data export.
/// </summary>
/// <remarks>
/// The record holds its client as a <c>ClientId</c> column with a <c>Client</c> navigation. A nullable <c>ClientId</c>
/// means some rows are about no client (an invitation email): those are for admins' eyes only.
/// </remarks>
public interface IClientOwned
{
    /// <summary>The client's id; null on a row about no client.</summary>
    int? ClientId { get; }

    /// <summary>The client, when loaded or set in this unit of work.</summary>
    Client? Client { get; }

    /// <summary>
    /// Removes the erased client's personal data from this record, and says whether the anonymised record stays (so
    /// every count and chart stays the same) or goes. Called once per record of the client, before the erasure saves.
    /// </summary>
    AfterErasure ErasePersonalData(ClientErasure erasure);
}

/// <summary>
/// A client-owned record with a consultant of its own, who sees it besides the client's consultant: a call a returning
/// client booked with someone else.
/// </summary>
public interface IAlsoSeenByItsConsultant : IClientOwned
{
    string ConsultantId { get; }
}

/// <summary>
/// A record the kept caseload totals count (the client list's total, the dashboard's and the board's figures), or one
/// that decides what they count (a season's invite expectation): a save that adds, changes or deletes one drops them.
/// </summary>
public interface ICaseloadCounted;

/// <summary>What becomes of a client-owned record when its client's personal data is erased.</summary>
public enum AfterErasure
{
    /// <summary>The record stays, anonymised.</summary>
    Keep,
    /// <summary>Nothing in it is worth keeping: it is deleted.</summary>
    Delete,
}
