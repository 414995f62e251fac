using System.ComponentModel.DataAnnotations;
using Consultancy.Infrastructure.Hosting;
using Microsoft.Extensions.Configuration;

namespace Consultancy.Infrastructure.Persistence;

/// <summary>
/// Which database the app runs on: <c>Database:Provider</c>, <c>Sqlite</c> (the default, a file under App_Data) or
/// <c>PostgreSql</c>, and <c>ConnectionStrings:Default</c>. Read once, at registration: the provider decides what is
/// registered.
/// </summary>
public sealed class DatabaseOptions : IValidatableObject
{
    public const string Section = "Database";
    public const string Sqlite = "Sqlite";
    public const string PostgreSql = "PostgreSql";
    public const string ConnectionStringKey = "ConnectionStrings:Default";
    public const string DefaultSqliteConnectionString = "Data Source=App_Data/consultancy.db";

    /// <summary><see cref="Sqlite"/> or <see cref="PostgreSql"/>, in any letter case; empty means SQLite.</summary>
    public string Provider { get; set; } = Sqlite;

    /// <summary><c>ConnectionStrings:Default</c>: on SQLite the file (default <see cref="DefaultSqliteConnectionString"/>), on PostgreSQL required.</summary>
    public string? ConnectionString { get; set; }

    public bool IsPostgreSql => string.Equals(Provider.Trim(), PostgreSql, StringComparison.OrdinalIgnoreCase);

    /// <summary>The SQLite connection string as configured, relative paths not yet resolved.</summary>
    public string SqliteConnectionString => ConnectionString ?? DefaultSqliteConnectionString;

    public string PostgreSqlConnectionString => IsPostgreSql && !string.IsNullOrWhiteSpace(ConnectionString)
        ? ConnectionString
        : throw new InvalidOperationException("The PostgreSQL connection string is only there when Database:Provider is PostgreSql.");

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(Provider) && !IsPostgreSql && !string.Equals(Provider.Trim(), Sqlite, StringComparison.OrdinalIgnoreCase))
            yield return new ValidationResult($"{Section}:{nameof(Provider)} must be {Sqlite} or {PostgreSql}; it is \"{Provider}\".");
        else if (IsPostgreSql && string.IsNullOrWhiteSpace(ConnectionString))
            yield return new ValidationResult(
                $"{ConnectionStringKey} must be set to the PostgreSQL connection string when {Section}:{nameof(Provider)} is {PostgreSql}.");
    }

    /// <summary>The database settings of <paramref name="configuration"/>, or <c>OptionsValidationException</c> naming the bad key.</summary>
    public static DatabaseOptions Read(IConfiguration configuration)
    {
        var options = configuration.GetSection(Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        options.ConnectionString = configuration[ConnectionStringKey];
        return SettingsValidation.Checked(options, Section);
    }
}
