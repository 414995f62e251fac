namespace Consultancy.Application.Common.Interfaces;

/// <summary>Consistent copies of the database, taken while the app keeps serving.</summary>
public interface IDatabaseBackups
{
    /// <summary>Why the app does not take backups of this database itself, and what to do instead; null where it does.</summary>
    string? NotTakenHereBecause { get; }

    /// <summary>Writes a copy of the database as it is now and returns the full path of the file.</summary>
    Task<string> CreateAsync(string fileName, CancellationToken ct);
}
