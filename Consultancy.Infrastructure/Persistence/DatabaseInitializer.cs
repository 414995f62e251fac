using Consultancy.Application.Domain;
using Consultancy.Application.Users;
using Consultancy.Infrastructure.Identity;
using Consultancy.Infrastructure.Seeding;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Consultancy.Infrastructure.Persistence;

/// <summary>Brings the database to the current schema and makes sure someone can sign in. Safe to run on every start.</summary>
public static class DatabaseInitializer
{
    public static async Task InitializeAsync(IServiceProvider services, CancellationToken ct)
    {
        // Settings are checked before anything is written: a bad value stops the app here, naming its key.
        services.GetService<IStartupValidator>()?.Validate();
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
        var admin = provider.GetRequiredService<IOptions<AdminOptions>>().Value;
        var email = admin.AccountEmail;
        var generatedPassword = await mediator.Send(new EnsureAdminAccount(email, admin.Password, admin.TimeZone), ct);
        if (generatedPassword is not null)
        {
            // Shown once on the console and stored nowhere: the operator signs in and changes it.
            Console.WriteLine();
            Console.WriteLine($"  First admin account created: {email}");
            Console.WriteLine($"  Password (shown only now):   {generatedPassword}");
            Console.WriteLine();
        }

        var seed = provider.GetRequiredService<IOptions<SeedOptions>>().Value;
        if (seed.Demo) await DemoSeeder.SeedAsync(provider, seed.DemoPassword, ct);
    }

    private static void CreateDataDirectory(string? connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var directory = Path.GetDirectoryName(dataSource);
        if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
    }
}
