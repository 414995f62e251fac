namespace Consultancy.Tests.Support;

/// <summary>
/// Marks tests of what only the SQLite store has (its file on disk, its write lock, its journal, the app's own
/// backups of it). <c>.ci/run</c> runs the suite once on SQLite and once on PostgreSQL
/// (<see cref="PostgreSqlDatabase.SuiteProviderVariable"/>), leaving these out of the second pass.
/// </summary>
public static class Store
{
    public const string Trait = "Store";
    public const string SqliteOnly = "SqliteOnly";
}
