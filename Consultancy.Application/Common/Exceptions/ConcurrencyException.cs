namespace Consultancy.Application.Common.Exceptions;

/// <summary>
/// Someone else saved the record after the user loaded it. <see cref="Current"/> carries the record as it
/// is now so the user can compare before deciding to save again.
/// </summary>
public sealed class ConcurrencyException(string entity, object current)
    : Exception($"Someone else changed this {entity.ToLowerInvariant()} while you were editing it.")
{
    public object Current { get; } = current;
}
