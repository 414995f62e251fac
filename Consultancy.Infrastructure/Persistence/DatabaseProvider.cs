using Microsoft.Extensions.Configuration;

namespace Consultancy.Infrastructure.Persistence;

/// <summary><c>Database:Provider</c>: <c>Sqlite</c> (the default, a file under App_Data) or <c>PostgreSql</c>.</summary>
public static class DatabaseProvider
{
    public const string Sqlite = "Sqlite";
    public const string PostgreSql = "PostgreSql";

    public static bool IsPostgreSql(IConfiguration configuration)
    {
        var provider = configuration["Database:Provider"];
        if (string.IsNullOrWhiteSpace(provider) || provider.Equals(Sqlite, StringComparison.OrdinalIgnoreCase)) return false;
        if (provider.Equals(PostgreSql, StringComparison.OrdinalIgnoreCase)) return true;
        throw new InvalidOperationException($"Database:Provider is '{provider}'; use {Sqlite} or {PostgreSql}.");
    }

    public static string PostgreSqlConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString("Default") is { Length: > 0 } configured ? configured
            : throw new InvalidOperationException("Database:Provider is PostgreSql: set ConnectionStrings:Default to the PostgreSQL connection string.");
}
