using System.Security.Claims;
using Consultancy.Application;
using Consultancy.Application.Domain;
using Consultancy.Application.Outbox;
using Consultancy.Infrastructure;
using Consultancy.Infrastructure.Identity;
using Consultancy.Infrastructure.Persistence;
using MediatR;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Consultancy.Tests.Support;

/// <summary>
/// The Application and Infrastructure layers wired as in production, on a fresh SQLite file, with a fake
/// clock and mail to a pickup folder. Requests run as a given signed-in user through the real pipeline.
/// </summary>
public sealed class ApplicationHarness : IAsyncDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly ServiceProvider _services;
    private readonly PostgreSqlDatabase? _postgres;

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 25, 14, 0, 0, TimeSpan.Zero));
    public IServiceProvider Services => _services;
    public string MailDirectory => _directory.File("mail");
    public string DatabasePath => _directory.File("app.db");

    private ApplicationHarness(IReadOnlyDictionary<string, string?>? overrides, Action<IServiceCollection>? configureServices, bool emptyDatabase)
    {
        if (PostgreSqlDatabase.SuiteRunsOnPostgreSql) _postgres = emptyDatabase ? PostgreSqlDatabase.New() : PostgreSqlDatabase.NewMigrated();
        else if (!emptyDatabase) SchemaTemplate.CopySqliteTo(DatabasePath);
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Default"] = $"Data Source={DatabasePath};Pooling=False",
            ["Email:PickupDirectory"] = MailDirectory,
            ["DataProtection:KeysDirectory"] = _directory.File("keys"),
            ["Admin:Email"] = TestUsers.AdminEmail,
            ["Admin:Password"] = TestUsers.AdminPassword,
            ["App:BaseUrl"] = "https://crm.consultancy.test",
            ["Email:From"] = "Consultancy <advising@consultancy.test>",
        };
        foreach (var (key, value) in _postgres?.Settings ?? new Dictionary<string, string?>()) settings[key] = value;
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>()) settings[key] = value;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<TimeProvider>(Clock);
        services.AddApplication();
        services.AddInfrastructure(configuration, _directory.Path);
        services.AddIdentityCore<AppUser>(IdentitySetup.Configure)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddDefaultTokenProviders();
        configureServices?.Invoke(services);
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    /// <param name="configureServices">Changes to the production wiring, e.g. a database interceptor that fails on cue.</param>
    /// <param name="emptyDatabase">Start on an empty database that the start-up migrates, instead of a migrated copy.</param>
    public static async Task<ApplicationHarness> StartAsync(
        IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? configureServices = null, bool emptyDatabase = false)
    {
        var harness = new ApplicationHarness(settings, configureServices, emptyDatabase);
        await DatabaseInitializer.InitializeAsync(harness._services, CancellationToken.None);
        return harness;
    }

    public async Task<TestUser> AdminAsync()
    {
        await using var scope = _services.CreateSystemScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var admin = await db.UserProfiles.SingleAsync(u => u.Email == TestUsers.AdminEmail);
        return new TestUser(admin.Id, admin.Email, TestUsers.AdminPassword, UserRole.Admin);
    }

    public Task<TestUser> ConsultantAsync(string email) => TestUsers.CreateAsync(_services, email);

    /// <summary>Settings that send mail to <paramref name="smtp"/> instead of the pickup folder.</summary>
    public static Dictionary<string, string?> SmtpSettings(SmtpSink smtp) => new()
    {
        ["Email:Smtp:Host"] = "127.0.0.1",
        ["Email:Smtp:Port"] = smtp.Port.ToString(),
        ["Email:Smtp:Security"] = "None",
    };

    /// <summary>Sends a request through MediatR as <paramref name="user"/> (null: nobody signed in).</summary>
    public async Task<T> SendAsync<T>(TestUser? user, IRequest<T> request)
    {
        await using var scope = _services.CreateAsyncScope();
        var accessor = scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>();
        accessor.HttpContext = new DefaultHttpContext { User = Principal(user), RequestServices = scope.ServiceProvider };
        try
        {
            return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
        }
        finally
        {
            accessor.HttpContext = null;
        }
    }

    /// <summary>Runs the outbox dispatcher once, as the scheduled job does.</summary>
    public async Task<DispatchResult> DispatchAsync()
    {
        await using var scope = _services.CreateSystemScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new DispatchOutbox());
    }

    /// <summary>Reads the database as the system, past the caseload rule, to check what was really written.</summary>
    public async Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var scope = _services.CreateSystemScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    /// <summary>Reads the database as <paramref name="user"/> (null: nobody signed in), through the caseload rule.</summary>
    public async Task<T> QueryAsAsync<T>(TestUser? user, Func<AppDbContext, Task<T>> query)
    {
        await using var scope = _services.CreateAsyncScope();
        var accessor = scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>();
        accessor.HttpContext = new DefaultHttpContext { User = Principal(user), RequestServices = scope.ServiceProvider };
        try
        {
            return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
        }
        finally
        {
            accessor.HttpContext = null;
        }
    }

    private static ClaimsPrincipal Principal(TestUser? user)
    {
        if (user is null) return new ClaimsPrincipal(new ClaimsIdentity());
        return new ClaimsPrincipal(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, user.Id),
            new Claim(ClaimTypes.Role, user.Role.ToString()),
        ], "Test"));
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        _directory.Dispose();
        if (_postgres is not null) await _postgres.DisposeAsync();
    }
}
