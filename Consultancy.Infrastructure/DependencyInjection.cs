using Consultancy.Application.Clients;
using Consultancy.Application.Common;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Common.Settings;
using Consultancy.Infrastructure.Email;
using Consultancy.Infrastructure.Hosting;
using Consultancy.Infrastructure.Identity;
using Consultancy.Infrastructure.Jobs;
using Consultancy.Infrastructure.Persistence;
using Consultancy.Infrastructure.Persistence.Backups;
using Consultancy.Infrastructure.Persistence.Interceptors;
using Consultancy.Infrastructure.Persistence.PostgreSql;
using Consultancy.Infrastructure.Seeding;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace Consultancy.Infrastructure;

public static class DependencyInjection
{
    private static readonly SecureDeleteInterceptor SecureDelete = new();

    /// <param name="contentRoot">Relative paths in configuration (database file, mail folder) resolve against it.</param>
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddScoped<CurrentUser>();
        services.AddScoped<ICurrentUser>(sp => sp.GetRequiredService<CurrentUser>());
        services.AddSettings<AppOptions>(configuration, AppOptions.Section);
        services.AddSingleton<IValidateOptions<AppOptions>, PublicBaseUrlInProduction>();
        services.AddSettings<AdminOptions>(configuration, AdminOptions.Section);
        services.AddSettings<SeedOptions>(configuration, SeedOptions.Section);
        services.AddSingleton<AppLinks>();
        services.AddSingleton<IAppLinks>(provider => provider.GetRequiredService<AppLinks>());
        services.AddScoped<StaffSessions>();
        // Keys outlive restarts, so sign-in cookies and emailed links stay valid after a deploy.
        var dataProtection = services.AddDataProtection().SetApplicationName("Consultancy");

        services.AddScoped<AuditInterceptor>();
        services.AddScoped<CaseloadChangeInterceptor>();
        services.AddSettings<CaseloadSettings>(configuration, CaseloadSettings.Section);
        services.AddSingleton(sp => new CaseloadTotals(sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<CaseloadSettings>>().Value.TotalsLifetime));
        var database = DatabaseOptions.Read(configuration);
        if (database.IsPostgreSql)
        {
            var connectionString = database.PostgreSqlConnectionString;
            services.AddDbContext<AppDbContext, PostgreSqlAppDbContext>((sp, options) => options
                .UseNpgsql(connectionString)
                .AddInterceptors(sp.GetRequiredService<AuditInterceptor>(), sp.GetRequiredService<CaseloadChangeInterceptor>()));
            services.AddScoped(sp => (PostgreSqlAppDbContext)sp.GetRequiredService<AppDbContext>());
            // Every instance reads the same keys, so a cookie or an emailed link made by one works on all.
            dataProtection.PersistKeysToDbContext<PostgreSqlAppDbContext>();
            services.AddScoped<IDatabaseBackups, PostgreSqlDatabaseBackups>();
        }
        else
        {
            var connectionString = ResolveSqlitePath(database.SqliteConnectionString, contentRoot);
            services.AddDbContext<AppDbContext>((sp, options) => options
                .UseSqlite(connectionString)
                .AddInterceptors(sp.GetRequiredService<AuditInterceptor>(), sp.GetRequiredService<CaseloadChangeInterceptor>(), SecureDelete));
            services.AddSettings<DataProtectionKeysOptions>(configuration, DataProtectionKeysOptions.Section)
                .PostConfigure(o => o.KeysDirectory = Path.GetFullPath(o.KeysDirectory, contentRoot));
            // What PersistKeysToFileSystem does, with the folder taken from the checked settings when they are first used.
            services.AddOptions<KeyManagementOptions>().Configure<IOptions<DataProtectionKeysOptions>, ILoggerFactory>((keys, folder, logging) =>
                keys.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(folder.Value.KeysDirectory), logging));
            services.AddSettings<BackupOptions>(configuration, BackupOptions.Section)
                .PostConfigure(o => o.Directory = Path.GetFullPath(o.Directory, contentRoot));
            services.AddScoped<IDatabaseBackups, SqliteDatabaseBackups>();
        }
        services.AddScoped<IAppDbContext>(sp => sp.GetRequiredService<AppDbContext>());
        services.AddHealthChecks()
            .AddDbContextCheck<AppDbContext>("database")
            .AddCheck<ShutdownHealthCheck>("shutdown");

        services.AddScoped<IUserAccounts, IdentityUserAccounts>();
        services.AddScoped<IRequestOrigin, RequestOrigin>();
        services.AddScoped<IUserConfirmation<AppUser>, ActiveUserConfirmation>();

        services.AddSettings<EmailOptions>(configuration, EmailOptions.Section)
            .PostConfigure(o => o.PickupDirectory = Path.GetFullPath(o.PickupDirectory, contentRoot));
        services.AddSingleton<IEmailTransport>(sp => sp.GetRequiredService<IOptions<EmailOptions>>().Value.Smtp.SendsMail
            ? ActivatorUtilities.CreateInstance<SmtpEmailTransport>(sp)
            : ActivatorUtilities.CreateInstance<PickupDirectoryTransport>(sp));
        services.AddScoped<IReminderLinks, ReminderLinks>();
        services.AddScoped<IBookingLinks, BookingLinks>();
        services.AddScoped<ILetterLinks, LetterLinks>();

        services.AddSettings<ReminderSettings>(configuration, ReminderSettings.Section);
        // The Outbox section over the keys it once had under Reminders, so older settings keep working.
        services.AddOptions<OutboxSettings>().Bind(configuration.GetSection(OutboxSettings.FormerSection));
        services.AddSettings<OutboxSettings>(configuration, OutboxSettings.Section);
        services.AddSettings<LetterSettings>(configuration, LetterSettings.Section);
        services.AddSettings<ProgramSettings>(configuration, ProgramSettings.Section);
        services.AddSettings<PrivacySettings>(configuration, PrivacySettings.Section);
        services.AddSettings<DigestSettings>(configuration, DigestSettings.Section);
        return services;
    }

    public const string DispatchOutboxJobName = "dispatch-outbox";
    public const string PurgeEmailBodiesJobName = "purge-email-bodies";

    /// <summary>The background jobs. Separate from <see cref="AddInfrastructure"/> so tools and tests can run without them.</summary>
    public static IServiceCollection AddJobs(this IServiceCollection services, IConfiguration configuration)
    {
        var database = DatabaseOptions.Read(configuration);
        services.AddQuartz(quartz =>
        {
            if (database.IsPostgreSql)
            {
                // Every instance shares one schedule in the database (tables made by the PostgreSQL migrations): a job
                // fires on one instance at a time, and the jobs of an instance that stops checking in are taken over.
                quartz.ConfigureScheduler(scheduler => scheduler.InstanceName = "Consultancy");
                quartz.UsePersistentStore(store =>
                {
                    store.UsePostgres(database.PostgreSqlConnectionString);
                    store.UseSystemTextJsonSerializer();
                    store.UseClustering();
                });
            }
            AddRecurringJob<DispatchOutboxJob>(quartz, DispatchOutboxJobName,
                services => TimeSpan.FromSeconds(services.GetRequiredService<IOptions<OutboxSettings>>().Value.DispatchIntervalSeconds));
            AddRecurringJob<PurgeEmailBodiesJob>(quartz, PurgeEmailBodiesJobName, _ => TimeSpan.FromHours(6), firstRunAfter: TimeSpan.FromMinutes(1));
            // Every few minutes rather than a cron at the send hour: consultants live in different zones, and a run
            // missed while the app was down is made up by the next one the same local day.
            AddRecurringJob<QueueDailyDigestsJob>(quartz, "queue-daily-digests",
                services => TimeSpan.FromMinutes(services.GetRequiredService<IOptions<DigestSettings>>().Value.CheckIntervalMinutes));
        });
        // Shutting down waits for a running batch, so no claimed message is left half-recorded.
        services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        services.AddSingleton<SeasonPlanRuns>();
        return services;
    }

    /// <summary>
    /// The one way a recurring job is added: a durable job and its repeating trigger under one stable name (a persistent
    /// store keeps both, and an unnamed trigger would be stored again, and fire again, for every start of every instance).
    /// The interval is read from the checked settings when the scheduler is built.
    /// </summary>
    private static void AddRecurringJob<TJob>(IQuartzBuilder quartz, string name, Func<IServiceProvider, TimeSpan> every,
        TimeSpan firstRunAfter = default) where TJob : IJob
    {
        var key = new JobKey(name);
        quartz.AddJob<TJob>(job => job.WithIdentity(key).StoreDurably());
        quartz.AddTrigger<TJob>((services, trigger) => trigger.WithIdentity(name).ForJob(key)
            .StartAt(DateTimeOffset.UtcNow + firstRunAfter)
            .WithSimpleSchedule(schedule => schedule.WithInterval(every(services)).RepeatForever()));
    }

    private static string ResolveSqlitePath(string connectionString, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.DataSource is not (":memory:" or "") && !Path.IsPathRooted(builder.DataSource))
            builder.DataSource = Path.GetFullPath(builder.DataSource, contentRoot);
        return builder.ToString();
    }
}
