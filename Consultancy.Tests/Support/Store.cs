namespace Consultancy.Tests.Support;

/// <summary>
/// Marks tests of what only the SQLite store has: the bytes of its file and write-ahead log, its write lock, its
/// journal and sync settings, and the app's own backups of it. <c>.ci/run</c> runs the suite once on SQLite and once
/// on PostgreSQL (<see cref="PostgreSqlDatabase.SuiteProviderVariable"/>), leaving these out of the second pass.
/// Every other test runs in both passes; a test of what the app does only on PostgreSQL either makes a PostgreSQL
/// database of its own or skips, saying so, when the suite runs on SQLite.
/// </summary>
public static class Store
{
    public const string Trait = "Store";
    public const string SqliteOnly = "SqliteOnly";
}
