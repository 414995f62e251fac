namespace Consultancy.Tests.Support;

/// <summary>
/// Marks tests of what only the SQLite store has: the bytes of its file and write-ahead log, its write lock, its
/// journal and sync settings, and the app's own backups of it. <c>.ci/run</c> runs the suite once on SQLite and once
/// on PostgreSQL (<see cref="PostgreSqlDatabase.SuiteProviderVariable"/>), leaving these out of the second pass.
/// Every other test runs in both passes: where the stores behave differently a test asserts each one's behaviour, and
/// the tests of several instances on one PostgreSQL database make databases of their own (skipping, saying so, only
/// on a machine without a server).
/// </summary>
public static class Store
{
    public const string Trait = "Store";
    public const string SqliteOnly = "SqliteOnly";
}
