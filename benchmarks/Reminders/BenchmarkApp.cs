using Consultancy.Application;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Common.Settings;
using Consultancy.Application.Domain;
using Consultancy.Application.Outbox;
using Consultancy.Application.Reminders;
using Consultancy.Benchmarks.Reminders.Instrumentation;
using Consultancy.Infrastructure;
using Consultancy.Infrastructure.Identity;
using Consultancy.Infrastructure.Persistence;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Quartz;

namespace Consultancy.Benchmarks.Reminders;

/// <param name="SmtpPort">Mail goes to an SMTP server on this loopback port; without one, to a pickup folder.</param>
/// <param name="WithScheduler">Runs the Quartz dispatch job, as the web app does, once <see cref="BenchmarkApp.StartSchedulerAsync"/> is called.</param>
/// <param name="Synchronous">A <c>PRAGMA synchronous</c> mode for every connection; null keeps SQLite's default, as the app does.</param>
/// <param name="RecordGroupSize">Overrides <c>Outbox:RecordGroupSize</c> (sends recorded per transaction); null keeps the app's default.</param>
/// <param name="Database">Settings that put the app on a database of the caller's (provider, connection string), e.g. one that
/// several apps share; null gives the app a SQLite file of its own.</param>
internal sealed record AppSetup(int? SmtpPort = null, bool WithScheduler = false, string? Synchronous = null, int? RecordGroupSize = null,
    IReadOnlyDictionary<string, string?>? Database = null);

/// <summary>
/// The Application and Infrastructure layers wired as the web app wires them, on a fresh SQLite file in a
/// temporary folder, with the dispatcher's phases timed. Settings not named here keep the app's defaults
/// (30 s dispatch interval, batches of 100).
/// </summary>
internal sealed class BenchmarkApp : IAsyncDisposable
{
    private const string ConsultantPassword = "Bench-Consultant-42!";
    private static readonly JobKey DispatchJob = new(Consultancy.Infrastructure.DependencyInjection.DispatchOutboxJobName);
    private readonly DirectoryInfo _directory;
    private readonly IHost _host;
    private bool _schedulerStarted;

    private BenchmarkApp(DirectoryInfo directory, IHost host, BenchmarkClock clock, PhaseTimer phases)
    {
        (_directory, _host, Clock, Phases) = (directory, host, clock, phases);
    }

    public BenchmarkClock Clock { get; }
    public PhaseTimer Phases { get; }
    public IServiceProvider Services => _host.Services;
    public OutboxSettings Outbox => Services.GetRequiredService<IOptions<OutboxSettings>>().Value;

    public static async Task<BenchmarkApp> StartAsync(AppSetup setup, CancellationToken ct)
    {
        var directory = Directory.CreateTempSubdirectory("consultancy-reminder-bench-");
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Default"] = $"Data Source={Path.Combine(directory.FullName, "app.db")}",
            ["Email:PickupDirectory"] = Path.Combine(directory.FullName, "mail"),
            ["Email:From"] = "Consultancy <advising@consultancy.test>",
            ["DataProtection:KeysDirectory"] = Path.Combine(directory.FullName, "keys"),
            ["Admin:Email"] = "owner@consultancy.test",
            ["Admin:Password"] = "Bench-Owner-Pass-42!",
            ["App:BaseUrl"] = "https://crm.consultancy.test",
        };
        if (setup.RecordGroupSize is { } groupSize) settings["Outbox:RecordGroupSize"] = groupSize.ToString();
        foreach (var (key, value) in setup.Database ?? new Dictionary<string, string?>()) settings[key] = value;
        if (setup.SmtpPort is { } port)
        {
            settings["Email:Smtp:Host"] = "127.0.0.1";
            settings["Email:Smtp:Port"] = port.ToString();
            settings["Email:Smtp:Security"] = "None";
        }

        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = directory.FullName });
        builder.Configuration.AddInMemoryCollection(settings);
        var clock = new BenchmarkClock();
        var phases = new PhaseTimer(clock);
        var services = builder.Services;
        services.AddLogging();
        services.AddSingleton<TimeProvider>(clock);
        services.AddApplication();
        services.AddInfrastructure(builder.Configuration, directory.FullName);
        services.AddIdentityCore<AppUser>(IdentitySetup.Configure)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddDefaultTokenProviders();
        if (setup.WithScheduler) services.AddJobs(builder.Configuration);
        Instrument(services, phases, setup.Synchronous);

        var host = builder.Build();
        await DatabaseInitializer.InitializeAsync(host.Services, ct);
        return new BenchmarkApp(directory, host, clock, phases);
    }

    private static void Instrument(IServiceCollection services, PhaseTimer phases, string? synchronous)
    {
        services.ConfigureDbContext<AppDbContext>(options =>
        {
            options.AddInterceptors(new PhaseCommandInterceptor(phases), new PhaseTransactionInterceptor(phases));
            if (synchronous is not null) options.AddInterceptors(new SynchronousPragma(synchronous));
        });
        var transport = services.Last(d => d.ServiceType == typeof(IEmailTransport)).ImplementationType!;
        services.AddSingleton<IEmailTransport>(sp => new TimedEmailTransport((IEmailTransport)ActivatorUtilities.CreateInstance(sp, transport), phases));
        services.AddTransient<IPipelineBehavior<DispatchOutbox, DispatchResult>>(_ => new DispatchRunTiming(phases));
    }

    public async Task StartSchedulerAsync(CancellationToken ct)
    {
        await _host.StartAsync(ct);
        _schedulerStarted = true;
    }

    /// <summary>
    /// Stops the scheduler, which waits for a running dispatch. With <paramref name="cancelRunningDispatch"/>
    /// that run is cancelled first, so it does not go on sending (and using the CPU) after the measurement.
    /// </summary>
    public async Task StopSchedulerAsync(bool cancelRunningDispatch, CancellationToken ct)
    {
        if (!_schedulerStarted) return;
        _schedulerStarted = false;
        if (cancelRunningDispatch)
        {
            var scheduler = await Services.GetRequiredService<ISchedulerFactory>().GetScheduler(ct);
            await scheduler.Interrupt(DispatchJob, ct);
        }
        await _host.StopAsync(ct);
    }

    /// <summary>Runs the outbox dispatcher once, as the scheduled job does.</summary>
    public async Task<DispatchResult> DispatchAsync(CancellationToken ct)
    {
        await using var scope = Services.CreateSystemScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new DispatchOutbox(), ct);
    }

    public async Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateSystemScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    /// <summary>A consultant account and profile, made the way the product makes them; the clients' advisor.</summary>
    public async Task<string> CreateConsultantAsync(CancellationToken ct)
    {
        const string email = "maya@consultancy.test";
        await using var scope = Services.CreateSystemScope();
        var id = await scope.ServiceProvider.GetRequiredService<IUserAccounts>().CreateAsync(email, UserRole.Consultant, ConsultantPassword, ct);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.UserProfiles.Add(new UserProfile(id, email, "Maya Lindqvist", "Europe/London", UserRole.Consultant, Clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(ct);
        return id;
    }

    /// <summary>
    /// Adds <paramref name="clients"/> clients in UTC, each with <paramref name="deadlinesPerClient"/> open
    /// deadlines due on <paramref name="dueDate"/>, saved in chunks as a bulk import would. With
    /// <paramref name="plan"/> their reminders are planned and saved too, as adding a deadline does.
    /// </summary>
    public async Task SeedAsync(string consultantId, int clients, int deadlinesPerClient, DateOnly dueDate, ReminderOffsets offsets,
        bool plan, CancellationToken ct)
    {
        const int clientsPerSave = 500;
        for (var first = 0; first < clients; first += clientsPerSave)
        {
            await using var scope = Services.CreateSystemScope();
            var db = scope.ServiceProvider.GetRequiredService<IAppDbContext>();
            var now = Clock.GetUtcNow().UtcDateTime;
            var deadlines = new List<Deadline>();
            for (var n = first; n < Math.Min(clients, first + clientsPerSave); n++)
            {
                var client = Client.Open(consultantId, ClientStage.Applied, now, null);
                (client.FirstName, client.LastName, client.Email, client.TimeZoneId) = ($"Applicant{n}", "Bench", $"applicant{n}.{dueDate:yyyyMMdd}@applicant.test", "UTC");
                db.Clients.Add(client);
                for (var d = 0; d < deadlinesPerClient; d++)
                {
                    var deadline = new Deadline(client, now)
                    {
                        Title = $"Deadline {d + 1}", Category = DeadlineCategory.Documents, DueDate = dueDate, ReminderOffsets = offsets,
                    };
                    deadline.AnchorTo(TimeZoneInfo.Utc);
                    db.Deadlines.Add(deadline);
                    deadlines.Add(deadline);
                }
            }
            await db.SaveChangesAsync(ct);
            if (!plan) continue;
            await scope.ServiceProvider.GetRequiredService<ReminderPlanner>().ReplanAsync(deadlines, ct);
            await db.SaveChangesAsync(ct);
        }
    }

    /// <summary>The SQLite settings every connection of the app gets, read through the app's own context.</summary>
    public Task<string> DescribeSqliteAsync(CancellationToken ct) => QueryAsync(async db =>
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode; ";
            var journal = await command.ExecuteScalarAsync(ct);
            command.CommandText = "PRAGMA synchronous;";
            var synchronous = Convert.ToInt32(await command.ExecuteScalarAsync(ct));
            var name = synchronous switch { 0 => "OFF", 1 => "NORMAL", 2 => "FULL", 3 => "EXTRA", _ => "?" };
            return $"journal_mode={journal}, synchronous={name}";
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    });

    public async ValueTask DisposeAsync()
    {
        await StopSchedulerAsync(cancelRunningDispatch: true, CancellationToken.None);
        _host.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { _directory.Delete(recursive: true); }
        catch (IOException) { /* a SQLite handle still closing; the OS temp cleaner gets it */ }
    }
}
