using Npgsql;

namespace Consultancy.Tests.Support;

/// <summary>
/// A fresh database on the PostgreSQL server named by <see cref="ServerVariable"/> (a connection string without a
/// database; <c>.ci/run</c> starts a throwaway cluster with <c>.ci/postgres</c> and sets it), dropped afterwards.
/// </summary>
public sealed class PostgreSqlDatabase : IAsyncDisposable
{
    public const string ServerVariable = "CONSULTANCY_TEST_POSTGRES";

    /// <summary>
    /// Set to <c>PostgreSql</c> (with <see cref="ServerVariable"/>), every <see cref="AppFactory"/> and
    /// <see cref="ApplicationHarness"/> runs on a fresh PostgreSQL database instead of a SQLite file, so the suite
    /// runs on either store.
    /// </summary>
    public const string SuiteProviderVariable = "CONSULTANCY_TEST_PROVIDER";

    public static bool SuiteRunsOnPostgreSql =>
        string.Equals(Environment.GetEnvironmentVariable(SuiteProviderVariable), "PostgreSql", StringComparison.OrdinalIgnoreCase);

    private readonly string _server;
    private readonly string _name = $"consultancy_test_{Guid.NewGuid():N}";

    private PostgreSqlDatabase(string server) => _server = server;

    private static string? Server => Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } server ? server : null;

    public string ConnectionString => new NpgsqlConnectionStringBuilder(_server) { Database = _name }.ConnectionString;

    /// <summary>The settings that put the app on this database.</summary>
    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Database:Provider"] = "PostgreSql",
        ["ConnectionStrings:Default"] = ConnectionString,
    };

    /// <summary>Skips the calling test, saying why, when no server is configured; CI always configures one.</summary>
    public static void SkipUnlessAvailable() =>
        Skip.If(Server is null, $"No PostgreSQL server to test against: set {ServerVariable} to a connection string " +
            "(.ci/run starts one with .ci/postgres), so these tests did not run.");

    /// <summary>Names a new, not yet created database: the app creates it when it applies its migrations.</summary>
    public static PostgreSqlDatabase New() => new(Server ?? throw new InvalidOperationException($"{ServerVariable} is not set."));

    /// <summary>A new database, created already migrated (<see cref="SchemaTemplate"/>); the app seeds it when it starts.</summary>
    public static PostgreSqlDatabase NewMigrated()
    {
        var database = New();
        SchemaTemplate.CopyPostgreSqlTo(database._server, database._name);
        return database;
    }

    public AppFactory Configure(AppFactory app)
    {
        foreach (var (key, value) in Settings) app.With(key, value);
        return app;
    }

    public async Task<T> QueryAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public ValueTask DisposeAsync()
    {
        Drop();
        return ValueTask.CompletedTask;
    }

    /// <summary>Drops the database, closing any connection still open to it; also for owners only disposed synchronously.</summary>
    public void Drop()
    {
        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(_server);
        connection.Open();
        using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)", connection);
        drop.ExecuteNonQuery();
    }
}
