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
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Quartz;

namespace Consultancy.Infrastructure;

public static class DependencyInjection
{
    public const string DefaultConnectionString = "Data Source=App_Data/consultancy.db";

    private static readonly SecureDeleteInterceptor SecureDelete = new();

    /// <param name="contentRoot">Relative paths in configuration (database file, mail folder) resolve against it.</param>
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddScoped<CurrentUser>();
        services.AddScoped<ICurrentUser>(sp => sp.GetRequiredService<CurrentUser>());
        services.AddOptions<AppOptions>().Bind(configuration.GetSection(AppOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AppOptions>, AppOptionsValidation>();
        services.AddSingleton<AppLinks>();
        services.AddSingleton<IAppLinks>(provider => provider.GetRequiredService<AppLinks>());
        services.AddScoped<StaffSessions>();
        // Keys outlive restarts, so sign-in cookies and emailed links stay valid after a deploy.
        var dataProtection = services.AddDataProtection().SetApplicationName("Consultancy");

        services.AddScoped<AuditInterceptor>();
        services.AddScoped<CaseloadChangeInterceptor>();
        var totalsSeconds = configuration.GetValue<int?>("Caseload:TotalsCacheSeconds");
        services.AddSingleton(sp => new CaseloadTotals(sp.GetRequiredService<TimeProvider>(),
            totalsSeconds is { } seconds ? TimeSpan.FromSeconds(Math.Max(0, seconds)) : CaseloadTotals.DefaultLifetime));
        if (DatabaseProvider.IsPostgreSql(configuration))
        {
            var connectionString = DatabaseProvider.PostgreSqlConnectionString(configuration);
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
            var connectionString = ResolveSqlitePath(configuration.GetConnectionString("Default") ?? DefaultConnectionString, contentRoot);
            services.AddDbContext<AppDbContext>((sp, options) => options
                .UseSqlite(connectionString)
                .AddInterceptors(sp.GetRequiredService<AuditInterceptor>(), sp.GetRequiredService<CaseloadChangeInterceptor>(), SecureDelete));
            dataProtection.PersistKeysToFileSystem(
                new DirectoryInfo(Path.GetFullPath(configuration["DataProtection:KeysDirectory"] ?? "App_Data/keys", contentRoot)));
            services.AddSingleton(new BackupSettings(
                Path.GetFullPath(configuration["Backup:Directory"] ?? "App_Data/backups", contentRoot),
                configuration.GetValue<int?>("Backup:Keep") ?? SqliteDatabaseBackups.DefaultKeep));
            services.AddScoped<IDatabaseBackups, SqliteDatabaseBackups>();
        }
        services.AddScoped<IAppDbContext>(sp => sp.GetRequiredService<AppDbContext>());
        services.AddHealthChecks()
            .AddDbContextCheck<AppDbContext>("database")
            .AddCheck<ShutdownHealthCheck>("shutdown");

        services.AddScoped<IUserAccounts, IdentityUserAccounts>();
        services.AddScoped<IRequestOrigin, RequestOrigin>();
        services.AddScoped<IUserConfirmation<AppUser>, ActiveUserConfirmation>();

        services.AddOptions<EmailOptions>().Bind(configuration.GetSection(EmailOptions.Section))
            .PostConfigure(o => o.PickupDirectory = Path.GetFullPath(o.PickupDirectory, contentRoot));
        if (string.IsNullOrWhiteSpace(configuration["Email:Smtp:Host"]))
            services.AddSingleton<IEmailTransport, PickupDirectoryTransport>();
        else
            services.AddSingleton<IEmailTransport, SmtpEmailTransport>();
        services.AddScoped<IReminderLinks, ReminderLinks>();
        services.AddScoped<IBookingLinks, BookingLinks>();
        services.AddScoped<ILetterLinks, LetterLinks>();

        services.AddOptions<ReminderSettings>().Bind(configuration.GetSection(ReminderSettings.Section));
        services.AddOptions<OutboxSettings>().Configure(settings => BindOutboxSettings(configuration, settings));
        services.AddOptions<LetterSettings>().Bind(configuration.GetSection(LetterSettings.Section));
        services.AddOptions<PrivacySettings>().Bind(configuration.GetSection(PrivacySettings.Section));
        services.AddOptions<DigestSettings>().Bind(configuration.GetSection(DigestSettings.Section));
        return services;
    }

    public const string DispatchOutboxJobName = "dispatch-outbox";
    public const string PurgeEmailBodiesJobName = "purge-email-bodies";

    /// <summary>The background jobs. Separate from <see cref="AddInfrastructure"/> so tools and tests can run without them.</summary>
    public static IServiceCollection AddJobs(this IServiceCollection services, IConfiguration configuration)
    {
        var interval = Math.Max(1, BindOutboxSettings(configuration, new OutboxSettings()).DispatchIntervalSeconds);
        var digestMinutes = Math.Max(1, configuration.GetValue<int?>($"{DigestSettings.Section}:CheckIntervalMinutes") ?? 5);
        services.AddQuartz(quartz =>
        {
            if (DatabaseProvider.IsPostgreSql(configuration))
            {
                // Every instance shares one schedule in the database (tables made by the PostgreSQL migrations): a job
                // fires on one instance at a time, and the jobs of an instance that stops checking in are taken over.
                quartz.ConfigureScheduler(scheduler => scheduler.InstanceName = "Consultancy");
                quartz.UsePersistentStore(store =>
                {
                    store.UsePostgres(DatabaseProvider.PostgreSqlConnectionString(configuration));
                    store.UseSystemTextJsonSerializer();
                    store.UseClustering();
                });
            }
            AddRecurringJob<DispatchOutboxJob>(quartz, DispatchOutboxJobName, trigger => trigger.StartNow()
                .WithSimpleSchedule(schedule => schedule.WithInterval(TimeSpan.FromSeconds(interval)).RepeatForever()));
            AddRecurringJob<PurgeEmailBodiesJob>(quartz, PurgeEmailBodiesJobName, trigger => trigger.StartAt(DateTimeOffset.UtcNow.AddMinutes(1))
                .WithSimpleSchedule(schedule => schedule.WithInterval(TimeSpan.FromHours(6)).RepeatForever()));
            // Every few minutes rather than a cron at the send hour: consultants live in different zones, and a run
            // missed while the app was down is made up by the next one the same local day.
            AddRecurringJob<QueueDailyDigestsJob>(quartz, "queue-daily-digests", trigger => trigger.StartNow()
                .WithSimpleSchedule(schedule => schedule.WithInterval(TimeSpan.FromMinutes(digestMinutes)).RepeatForever()));
        });
        // Shutting down waits for a running batch, so no claimed message is left half-recorded.
        services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        return services;
    }

    /// <summary>A job and its trigger under one stable name: a persistent store keeps triggers, and an unnamed one would
    /// be stored again, and fire again, for every start of every instance.</summary>
    private static void AddRecurringJob<TJob>(IQuartzBuilder quartz, string name, Action<ITriggerConfigurator<TJob>> schedule)
        where TJob : IJob
    {
        var key = new JobKey(name);
        quartz.AddJob<TJob>(job => job.WithIdentity(key));
        quartz.AddTrigger<TJob>(trigger => schedule(trigger.WithIdentity(name).ForJob(key)));
    }

    /// <summary>The <c>Outbox</c> section over the keys it once had under <c>Reminders</c>, so older settings keep working.</summary>
    private static OutboxSettings BindOutboxSettings(IConfiguration configuration, OutboxSettings settings)
    {
        configuration.GetSection(OutboxSettings.FormerSection).Bind(settings);
        configuration.GetSection(OutboxSettings.Section).Bind(settings);
        return settings;
    }

    private static string ResolveSqlitePath(string connectionString, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.DataSource is not (":memory:" or "") && !Path.IsPathRooted(builder.DataSource))
            builder.DataSource = Path.GetFullPath(builder.DataSource, contentRoot);
        return builder.ToString();
    }
}
