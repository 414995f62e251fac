using System.Globalization;

namespace Consultancy.Application.Domain;

/// <summary>One saved change to an audited entity, written by the persistence layer on every save.</summary>
public sealed class AuditEntry : IClientOwned
{
    public long Id { get; set; }
    public string EntityType { get; set; } = "";
    /// <summary>The record's key; null for a created record, whose key the database assigns in the same save.</summary>
    public string? EntityId { get; set; }
    /// <summary>The client whose timeline shows this entry, if any.</summary>
    public int? ClientId { get; set; }
    public Client? Client { get; set; }
    public AuditAction Action { get; set; }
    public DateTime At { get; set; }
    public string? UserId { get; set; }
    public UserProfile? User { get; set; }
    public List<AuditFieldChange> Changes { get; set; } = [];

    /// <summary>
    /// An erased client's own history: which fields changed, and when, stays; the values go, except those of
    /// <paramref name="keptFields"/> (stages, statuses, dates of record), which identify nobody.
    /// </summary>
    public void EraseValues(IReadOnlySet<string> keptFields) =>
        Changes = Changes.Select(c => keptFields.Contains(c.Field) ? c
            : c with { From = c.From is null ? null : Redaction.Erased, To = c.To is null ? null : Redaction.Erased }).ToList();

    /// <summary>Someone else's history that mentions an erased person: only the mentions go.</summary>
    public void Redact(IReadOnlyList<string> mentions, string replacement) =>
        Changes = Changes.Select(c => c with { From = Redaction.Apply(c.From, mentions, replacement), To = Redaction.Apply(c.To, mentions, replacement) }).ToList();

    public AfterErasure ErasePersonalData(ClientErasure erasure)
    {
        EraseValues(erasure.KeptHistoryFields);
        return AfterErasure.Keep;
    }
}

public enum AuditAction
{
    Created = 0,
    Updated = 1,
    Deleted = 2,
    Sent = 3,
}

public sealed record AuditFieldChange(string Field, string? From, string? To)
{
    /// <summary>A field a created or deleted record's entry names, with its value.</summary>
    public static AuditFieldChange Of(string field, object? value) => new(field, null, Format(value));

    /// <summary>A value as the history keeps it: dates as yyyy-MM-dd, instants in ISO 8601, numbers without culture.</summary>
    public static string? Format(object? value) => value switch
    {
        null => null,
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime instant => instant.ToString("O", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
