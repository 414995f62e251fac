namespace Consultancy.Application.Common.Interfaces;

/// <summary>Consistent copies of the database, taken while the app keeps serving.</summary>
public interface IDatabaseBackups
{
    /// <summary>Writes a copy of the database as it is now and returns the full path of the file.</summary>
    Task<string> CreateAsync(string fileName, CancellationToken ct);
}
