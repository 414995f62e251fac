namespace Consultancy.Application.Common.Exceptions;

/// <summary>
/// A domain rule refused the change in the record's present state (a call that is no longer booked cannot be moved).
/// The message says why, in words for the user. Use cases usually ask the entity first and answer with a
/// <see cref="ValidationException"/> on the field; this is what the entity itself throws when asked to break the rule.
/// </summary>
public sealed class BusinessRuleException(string message) : Exception(message);
