using Consultancy.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ClientListSeeder;

/// <summary>The database to seed: a SQLite file path, or an Npgsql connection string naming a PostgreSQL database.</summary>
internal sealed record BenchmarkDatabase(string Provider, string ConnectionString, string Description)
{
    public static BenchmarkDatabase From(string argument)
    {
        if (!argument.Contains('=')) return new(DatabaseOptions.Sqlite, $"Data Source={Path.GetFullPath(argument)}", Path.GetFullPath(argument));
        var builder = new NpgsqlConnectionStringBuilder(argument);
        if (string.IsNullOrEmpty(builder.Database)) throw new ArgumentException("The PostgreSQL connection string names no Database.");
        return new(DatabaseOptions.PostgreSql, argument, $"PostgreSQL database {builder.Database} on {builder.Host}:{builder.Port}");
    }

    public async Task<bool> ExistsAsync()
    {
        if (Provider == DatabaseOptions.Sqlite) return File.Exists(new SqliteConnectionStringBuilder(ConnectionString).DataSource);
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString);
        var name = builder.Database!;
        builder.Database = "postgres";
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var exists = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = @name)", connection);
        exists.Parameters.AddWithValue("name", name);
        return (bool)(await exists.ExecuteScalarAsync())!;
    }

    public override string ToString() => Description;
}
