using Microsoft.Data.Sqlite;
using Consultancy.Tests.Support;
using Microsoft.Extensions.Options;

namespace Consultancy.Tests.Web;

/// <summary>
/// A bad setting stops the app at start with a message naming its key, before the database is touched, instead of
/// being corrected silently.
/// </summary>
public sealed class SettingsValidationTests
{
    [Theory]
    [InlineData("Digest:CheckIntervalMinutes", "0", "Digest:CheckIntervalMinutes must be at least 1.")]
    [InlineData("Digest:SendHour", "7am", "Digest:SendHour must be a time of day as hours and minutes, e.g. 07:30.")]
    [InlineData("Outbox:BatchSize", "0", "Outbox:BatchSize must be at least 1.")]
    [InlineData("Reminders:DefaultOffsets", "14, soon", "Reminders:DefaultOffsets must list whole numbers of days")]
    [InlineData("Letters:FollowUpDays", "0", "Letters:FollowUpDays must be at least 1.")]
    [InlineData("Privacy:EmailBodyRetentionDays", "-5", "Privacy:EmailBodyRetentionDays must be at least 1.")]
    [InlineData("Caseload:TotalsCacheSeconds", "-1", "Caseload:TotalsCacheSeconds must be at least 0.")]
    [InlineData("RateLimits:SignIn:WindowSeconds", "0", "RateLimits:SignIn:WindowSeconds must be at least 1.")]
    [InlineData("Email:Smtp:Port", "70000", "Email:Smtp:Port must be a port number from 1 to 65535.")]
    [InlineData("Email:Smtp:Security", "Tls", "Email:Smtp:Security must be one of None, Auto, SslOnConnect, StartTls, StartTlsWhenAvailable; it is \"Tls\".")]
    [InlineData("Email:From", "no address here", "Email:From must be a sender address")]
    [InlineData("Admin:TimeZone", "Mars/Olympus_Mons", "Admin:TimeZone must be an IANA time zone, e.g. America/Toronto; it is \"Mars/Olympus_Mons\".")]
    [InlineData("Database:Provider", "Oracle", "Database:Provider must be Sqlite or PostgreSql; it is \"Oracle\".")]
    [InlineData("ReverseProxy:KnownProxies:0", "nginx", "ReverseProxy:KnownProxies must list IP addresses, e.g. 127.0.0.1.")]
    [InlineData("App:BaseUrl", "crm.example.com", "App:BaseUrl must be the absolute http(s) address users open the app at")]
    public void A_bad_value_stops_the_app_at_start_naming_the_key(string key, string value, string message)
    {
        using var misconfigured = new AppFactory().With(key, value);

        var validation = RefusalOf(misconfigured);

        Assert.Contains(message, validation.Message);
        // The test app's database is a copy of an empty migrated one; the app stopped before its start-up work wrote to it.
        if (!PostgreSqlDatabase.SuiteRunsOnPostgreSql) Assert.Equal(0L, UsersIn(misconfigured.DatabasePath));
    }

    private static long UsersIn(string databasePath)
    {
        using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        connection.Open();
        using var count = connection.CreateCommand();
        count.CommandText = "SELECT count(*) FROM AspNetUsers";
        return (long)count.ExecuteScalar()!;
    }

    [Fact]
    public void Demo_data_without_its_password_stops_the_app_naming_both_keys()
    {
        using var misconfigured = new AppFactory().With("Seed:Demo", "true");

        Assert.Contains("Seed:DemoPassword must be set when Seed:Demo is true.", RefusalOf(misconfigured).Message);
    }

    [Fact]
    public void Several_bad_values_are_all_named()
    {
        using var misconfigured = new AppFactory().With("Backup:Keep", "0").With("Outbox:LeaseSeconds", "0").With("Letters:RefereeLinkGraceDays", "-1");

        var refused = Assert.ThrowsAny<Exception>(() => misconfigured.CreateClient());

        var messages = string.Join("\n", Validations(refused).SelectMany(v => v.Failures));
        Assert.Contains("Outbox:LeaseSeconds must be at least 1.", messages);
        Assert.Contains("Letters:RefereeLinkGraceDays must be at least 0.", messages);
        if (!PostgreSqlDatabase.SuiteRunsOnPostgreSql) Assert.Contains("Backup:Keep must be at least 1.", messages);
    }

    private static OptionsValidationException RefusalOf(AppFactory app)
    {
        var refused = Assert.ThrowsAny<Exception>(() => app.CreateClient());
        return Validations(refused).FirstOrDefault() ?? throw new Xunit.Sdk.XunitException($"expected an options validation failure, got {refused}");
    }

    /// <summary>The validation failures in <paramref name="error"/>, however the host wrapped them.</summary>
    private static IEnumerable<OptionsValidationException> Validations(Exception? error) => error switch
    {
        null => [],
        OptionsValidationException validation => [validation],
        AggregateException many => many.InnerExceptions.SelectMany(Validations),
        _ => Validations(error.InnerException),
    };
}
