namespace Consultancy.Application.Common.Interfaces;

/// <summary>A command that saves over a record only if it still has the version the user started from.</summary>
public interface IConcurrencyChecked
{
    Guid Version { get; set; }
}
