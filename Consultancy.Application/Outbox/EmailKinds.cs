using Consultancy.Application.Domain;

namespace Consultancy.Application.Outbox;

/// <summary>Every kind of outgoing email, by its <see cref="OutboxKind"/>.</summary>
public sealed class EmailKinds(IEnumerable<OutboxEmail> kinds)
{
    private readonly Dictionary<OutboxKind, OutboxEmail> _byKind = kinds.ToDictionary(k => k.Kind);

    public OutboxEmail this[OutboxKind kind] =>
        _byKind.TryGetValue(kind, out var email) ? email : throw new InvalidOperationException($"No email class handles the outbox kind {kind}.");

    /// <summary>The messages with what any kind is written from, so a batch of mixed kinds loads in one query.</summary>
    public IQueryable<OutboxMessage> Including(IQueryable<OutboxMessage> messages) =>
        _byKind.Values.Aggregate(messages, (query, kind) => kind.Including(query));
}
