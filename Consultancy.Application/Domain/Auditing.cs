namespace Consultancy.Application.Domain;

/// <summary>
/// A client-owned record whose changes go on the client's timeline: every save writes one <see cref="AuditEntry"/> per
/// created, changed or deleted record, field by field, leaving out fields marked <see cref="NotAuditedAttribute"/>
/// (and the stamps: <c>Version</c>, <c>UpdatedAt</c>, <c>CreatedAt</c>). The timeline's wording for it is in
/// <c>Consultancy.Web/ViewModels/TimelineText.cs</c>.
/// </summary>
public interface IAudited : IClientOwned
{
    /// <summary>
    /// Adds what the changed fields alone do not say to the entry the timeline shows (say, a new deadline's title and
    /// due date, or the programs a letter was added to). <paramref name="changes"/> holds the changed fields of an
    /// update, and nothing for a created or deleted record; an update with no changed field is an entry only when this
    /// adds a change.
    /// </summary>
    void DescribeForTimeline(AuditAction action, List<AuditFieldChange> changes)
    {
    }
}

/// <summary>
/// An audited record that users edit from a form and that is saved only over the version they started from: every save
/// that changes an audited field renews <see cref="Version"/> (the concurrency token) and <see cref="UpdatedAt"/>.
/// </summary>
public interface IVersioned : IAudited
{
    Guid Version { get; set; }
    DateTime UpdatedAt { get; set; }
}

/// <summary>A field of an audited record kept out of the timeline: bookkeeping that follows from the fields users change.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class NotAuditedAttribute : Attribute;
