using Consultancy.Application.Domain;
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

        if (db.Database.IsSqlite()) CreateDataDirectory(db.Database.GetConnectionString());
        await using var startingAlone = await db.HoldStartUpLockAsync(ct);
        await db.Database.MigrateAsync(ct);
        await db.PrepareAsync(ct);

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
