using System.Globalization;
using System.Text;
using Consultancy.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Consultancy.Tests.Support;

/// <summary>
/// Every row of every table of the database an app is configured for (<c>Database:Provider</c> and
/// <c>ConnectionStrings:Default</c>), each row as one string, read with raw SQL through a connection of its own:
/// past the app, its caches and its query filters.
/// </summary>
public static class DatabaseRows
{
    /// <summary>Table name → the text of each of its rows, in no particular order.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Read(IConfiguration appConfiguration)
    {
        var database = DatabaseOptions.Read(appConfiguration);
        return database.IsPostgreSql
            ? ReadPostgreSql(database.PostgreSqlConnectionString)
            : ReadSqlite(new SqliteConnectionStringBuilder(database.SqliteConnectionString).DataSource);
    }

    /// <summary>Whether any row of any table holds <paramref name="text"/>, in any letter case.</summary>
    public static bool Mentions(IConfiguration appConfiguration, string text) =>
        Read(appConfiguration).Values.Any(rows => rows.Any(row => row.Contains(text, StringComparison.OrdinalIgnoreCase)));

    /// <summary>
    /// The file's tables but SQLite's own bookkeeping, each column as text and blobs (the search index's segments) as
    /// hex. The test apps name their files by absolute path.
    /// </summary>
    private static Dictionary<string, IReadOnlyList<string>> ReadSqlite(string databasePath)
    {
        using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        var tables = new List<string>();
        using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
            using var reader = list.ExecuteReader();
            while (reader.Read()) tables.Add(reader.GetString(0));
        }

        var rowsByTable = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\"";
            using var reader = select.ExecuteReader();
            var rows = new List<string>();
            while (reader.Read())
            {
                var row = new StringBuilder();
                for (var i = 0; i < reader.FieldCount; i++)
                    row.Append(reader.GetValue(i) switch
                    {
                        DBNull => "\u2400",
                        byte[] bytes => Convert.ToHexString(bytes),
                        var value => Convert.ToString(value, CultureInfo.InvariantCulture),
                    }).Append('\u241F');
                rows.Add(row.ToString());
            }
            rowsByTable[table] = rows;
        }
        return rowsByTable;
    }

    /// <summary>
    /// The tables of the public schema, where the migrations put the app's tables and Quartz's. Each row is read as
    /// PostgreSQL's own text of the whole row (<c>t::text</c>), which keeps every column at full precision: instants to
    /// the microsecond, binary columns (only Quartz's job data) as hex.
    /// </summary>
    private static Dictionary<string, IReadOnlyList<string>> ReadPostgreSql(string connectionString)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        var tables = new List<string>();
        using (var list = new NpgsqlCommand(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name",
            connection))
        using (var reader = list.ExecuteReader())
            while (reader.Read()) tables.Add(reader.GetString(0));

        var rowsByTable = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        using var batch = new NpgsqlBatch(connection);
        foreach (var table in tables) batch.BatchCommands.Add(new NpgsqlBatchCommand($"SELECT t::text FROM public.\"{table}\" AS t"));
        using (var reader = batch.ExecuteReader())
            foreach (var table in tables)
            {
                var rows = new List<string>();
                while (reader.Read()) rows.Add(reader.GetString(0));
                rowsByTable[table] = rows;
                reader.NextResult();
            }
        return rowsByTable;
    }
}
