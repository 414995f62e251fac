namespace Consultancy.Tests.Support;

/// <summary>
/// One database for app instances started one after another, as a restart would: a SQLite file in a folder of its
/// own or, when the suite runs on PostgreSQL, one PostgreSQL database for all of them, dropped once at the end. Other
/// data the instances share (the data-protection keys' folder) goes in the same folder.
/// </summary>
public sealed class SharedDatabase : IAsyncDisposable
{
    private readonly TempDirectory _directory = new();

    /// <summary>The PostgreSQL database, when the suite runs on PostgreSQL.</summary>
    public PostgreSqlDatabase? PostgreSql { get; } = PostgreSqlDatabase.SuiteRunsOnPostgreSql ? PostgreSqlDatabase.NewMigrated() : null;

    public SharedDatabase()
    {
        if (PostgreSql is null) SchemaTemplate.CopySqliteTo(File("app.db"));
    }

    public string File(string name) => _directory.File(name);

    /// <summary>Puts <paramref name="app"/> on this database.</summary>
    public AppFactory Configure(AppFactory app) =>
        PostgreSql?.Configure(app) ?? app.With("ConnectionStrings:Default", $"Data Source={File("app.db")};Pooling=False");

    public async ValueTask DisposeAsync()
    {
        if (PostgreSql is not null) await PostgreSql.DisposeAsync();
        _directory.Dispose();
    }
}
