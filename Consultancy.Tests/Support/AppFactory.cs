using System.Collections.Concurrent;
using Consultancy.Application.Domain;
using Consultancy.Application.Outbox;
using Consultancy.Infrastructure.Identity;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Extensions.Logging;

namespace Consultancy.Tests.Support;

/// <summary>
/// The real app (Program.cs) on its own SQLite file (or PostgreSQL database) and mail folder, copied from an empty
/// migrated one (<see cref="SchemaTemplate"/>). One per test class; tests that need a clean slate create their own
/// users and clients.
/// </summary>
public class AppFactory : WebApplicationFactory<Program>
{
    private readonly TempDirectory _directory = new();
    private readonly Dictionary<string, string?> _settings = [];
    private readonly PostgreSqlDatabase? _postgres = PostgreSqlDatabase.SuiteRunsOnPostgreSql ? PostgreSqlDatabase.NewMigrated() : null;

    public string MailDirectory => _directory.File("mail");
    public string DatabasePath => _directory.File("app.db");
    public string ImportDirectory => _directory.File("imports");
    public string BackupDirectory => _directory.File("backups");

    /// <summary>Every SQL command the app ran, by the request path that ran it.</summary>
    public SqlCommandLog SqlCommands { get; } = new();

    public AppFactory()
    {
        _settings["ConnectionStrings:Default"] = $"Data Source={DatabasePath};Pooling=False";
        if (_postgres is null) SchemaTemplate.CopySqliteTo(DatabasePath);
        _settings["Email:PickupDirectory"] = MailDirectory;
        _settings["DataProtection:KeysDirectory"] = _directory.File("keys");
        _settings["Imports:Directory"] = ImportDirectory;
        _settings["Backup:Directory"] = BackupDirectory;
        _settings["Admin:Email"] = TestUsers.AdminEmail;
        _settings["Admin:Password"] = TestUsers.AdminPassword;
        _settings["Admin:TimeZone"] = "America/Toronto";
        _settings["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "Information";
        // Every test request comes from the same loopback address; tests about the limits set low ones with With().
        foreach (var policy in Consultancy.Web.Infrastructure.RateLimits.Policies)
            _settings[$"RateLimits:{policy.Section}:PermitLimit"] = "100000";
        foreach (var (key, value) in _postgres?.Settings ?? new Dictionary<string, string?>()) _settings[key] = value;
    }

    /// <summary>Adds or replaces configuration before the app starts.</summary>
    public AppFactory With(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    /// <summary>The hosting environment the app starts in; Production turns on HSTS and Secure-only cookies.</summary>
    public string Environment { get; init; } = "Development";

    /// <summary>When set before the app starts, the app's clock: tests move time instead of waiting.</summary>
    public FakeTimeProvider? Clock { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        // As deployed, the app knows its public address; it refuses to start in Production with the localhost default.
        if (Environment == "Production" && !_settings.ContainsKey("App:BaseUrl")) builder.UseSetting("App:BaseUrl", "https://crm.consultancy.test");
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        builder.ConfigureLogging(logging => logging.AddProvider(SqlCommands));
        if (Clock is not null)
            builder.ConfigureTestServices(services =>
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(Clock);
            });
    }

    public HttpClient NewBrowserlessClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public Task<TestUser> ConsultantAsync(string email, string timeZone = "America/New_York") =>
        TestUsers.CreateAsync(Services, email, UserRole.Consultant, timeZone);

    /// <summary>Runs the outbox dispatcher now, as its scheduled job would.</summary>
    public async Task DispatchAsync()
    {
        await using var scope = Services.CreateSystemScope();
        await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new DispatchOutbox());
    }

    public TestUser Admin => new("", TestUsers.AdminEmail, TestUsers.AdminPassword, UserRole.Admin);

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing) return;
        _directory.Dispose();
        _postgres?.Drop();
    }
}

/// <summary>Counts the SQL commands EF Core executes, so tests can hold pages to a query budget.</summary>
public sealed class SqlCommandLog : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _commands = new();

    public int Count => _commands.Count;
    public IReadOnlyList<string> Commands => _commands.ToArray();

    public void Clear() => _commands.Clear();

    public ILogger CreateLogger(string categoryName) =>
        categoryName == "Microsoft.EntityFrameworkCore.Database.Command" ? new CommandLogger(_commands) : NullLogger.Instance;

    public void Dispose() { }

    private sealed class CommandLogger(ConcurrentQueue<string> commands) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (eventId.Name == "Microsoft.EntityFrameworkCore.Database.Command.CommandExecuted")
                commands.Enqueue(formatter(state, exception));
        }
    }

    private sealed class NullLogger : ILogger
    {
        public static readonly NullLogger Instance = new();
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => false;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) { }
    }
}
