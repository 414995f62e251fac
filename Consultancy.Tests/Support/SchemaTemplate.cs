using Consultancy.Infrastructure;
using Consultancy.Infrastructure.Identity;
using Consultancy.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Consultancy.Tests.Support;

/// <summary>
/// An empty database at the current schema, made once per test run by the app's own migrations, from which each test
/// app's new database is copied: every test class still starts on a database of its own, without applying every
/// migration again. The app then seeds it on start as it would a database it migrated itself. Tests about migrating
/// from nothing start on an empty database instead (<c>PostgreSqlTests</c>, <c>PersistenceTests</c>).
/// </summary>
public static class SchemaTemplate
{
    private static readonly TempDirectory Directory = new();
    private static readonly Lazy<string> SqliteFile = new(CreateSqliteFile, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<string> PostgreSqlDatabaseName = new(CreatePostgreSqlDatabase, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Writes a copy of the migrated SQLite file to <paramref name="path"/>.</summary>
    public static void CopySqliteTo(string path) => File.Copy(SqliteFile.Value, path);

    /// <summary>Creates the database <paramref name="name"/> on <paramref name="server"/> as a copy of the migrated one.</summary>
    public static void CopyPostgreSqlTo(string server, string name)
    {
        using var connection = new NpgsqlConnection(server);
        connection.Open();
        using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\" TEMPLATE \"{PostgreSqlDatabaseName.Value}\"", connection);
        create.ExecuteNonQuery();
    }

    private static string CreateSqliteFile()
    {
        var path = Directory.File("template.db");
        MigrateAsync(new Dictionary<string, string?> { ["ConnectionStrings:Default"] = $"Data Source={path};Pooling=False" }).GetAwaiter().GetResult();
        SqliteConnection.ClearAllPools();
        return path;
    }

    private static string CreatePostgreSqlDatabase()
    {
        var server = Environment.GetEnvironmentVariable(PostgreSqlDatabase.ServerVariable)
            ?? throw new InvalidOperationException($"{PostgreSqlDatabase.ServerVariable} is not set.");
        var name = $"consultancy_template_{Guid.NewGuid():N}";
        MigrateAsync(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "PostgreSql",
            ["ConnectionStrings:Default"] = new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = false }.ConnectionString,
        }).GetAwaiter().GetResult();
        // PostgreSQL copies a template only while nobody is connected to it.
        NpgsqlConnection.ClearAllPools();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Drop(server, name);
        return name;
    }

    private static async Task MigrateAsync(Dictionary<string, string?> settings)
    {
        settings["DataProtection:KeysDirectory"] = Directory.File("keys");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddInfrastructure(configuration, Directory.Path);
        // Identity's options shape its tables: the model must be the app's.
        services.AddIdentityCore<AppUser>(IdentitySetup.Configure).AddRoles<IdentityRole>().AddEntityFrameworkStores<AppDbContext>();
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateSystemScope();
        // Creates the PostgreSQL database too when it does not exist.
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.MigrateAsync();
    }

    private static void Drop(string server, string name)
    {
        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(server);
        connection.Open();
        using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        drop.ExecuteNonQuery();
    }
}
