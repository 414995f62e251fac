using Consultancy.Application.Users;
using Consultancy.Infrastructure.Identity;
using Consultancy.Infrastructure.Seeding;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Consultancy.Infrastructure.Persistence;

/// <summary>Brings the database to the current schema and makes sure someone can sign in. Safe to run on every start.</summary>
public static class DatabaseInitializer
{
    public static async Task InitializeAsync(IServiceProvider services, IConfiguration configuration, CancellationToken ct)
    {
        await using var scope = services.CreateSystemScope();
        var provider = scope.ServiceProvider;
        var db = provider.GetRequiredService<AppDbContext>();

        CreateDataDirectory(db.Database.GetConnectionString());
        await db.Database.MigrateAsync(ct);
        // WAL lets the list pages read while a reminder job writes; the mode is stored in the file.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        // Table statistics for the query planner. Without them SQLite guesses that "not archived" picks out a
        // handful of clients, and a search walks every client to test each against the handful the text index
        // found, instead of reading just those. 0x10002: analyse every table whose statistics are missing or
        // out of date, with the sampling limit SQLite sets for this pragma, so it stays quick on a large file.
        await db.Database.ExecuteSqlRawAsync("PRAGMA optimize=0x10002;", ct);

        var roles = provider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in new[] { Roles.Admin, Roles.Consultant })
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));

        await SeasonSeeder.SeedAsync(db, ct);

        var mediator = provider.GetRequiredService<IMediator>();
        var email = configuration["Admin:Email"] is { Length: > 0 } configured ? configured : "admin@localhost";
        var generatedPassword = await mediator.Send(new EnsureAdminAccount(
            email, configuration["Admin:Password"], configuration["Admin:TimeZone"] ?? "UTC"), ct);
        if (generatedPassword is not null)
        {
            // Shown once on the console and stored nowhere: the operator signs in and changes it.
            Console.WriteLine();
            Console.WriteLine($"  First admin account created: {email}");
            Console.WriteLine($"  Password (shown only now):   {generatedPassword}");
            Console.WriteLine();
        }

        if (configuration.GetValue<bool>("Seed:Demo"))
            await DemoSeeder.SeedAsync(provider, configuration["Seed:DemoPassword"], ct);
    }

    private static void CreateDataDirectory(string? connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var directory = Path.GetDirectoryName(dataSource);
        if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
    }
}
