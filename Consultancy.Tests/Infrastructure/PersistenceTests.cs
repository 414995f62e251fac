using Consultancy.Application.Domain;
using Consultancy.Infrastructure.Persistence;
using Consultancy.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Tests.Infrastructure;

public sealed class PersistenceTests
{
    [Fact]
    public async Task Every_client_owned_record_is_filtered_by_the_caseload_rule()
    {
        await using var app = await ApplicationHarness.StartAsync();
        await app.QueryAsync(db =>
        {
            var clientOwned = db.Model.GetEntityTypes()
                .Where(t => t.ClrType == typeof(Client) || t.GetForeignKeys().Any(fk => fk.PrincipalEntityType.ClrType == typeof(Client)))
                .ToList();
            Assert.Equal(
                [nameof(AuditEntry), nameof(Client), nameof(ClientNote), nameof(ClientStageChange), nameof(Deadline), nameof(LetterRequest), nameof(OutboxMessage), nameof(StrategyCall)],
                clientOwned.Select(t => t.ClrType.Name).Order());
            Assert.All(clientOwned, t => Assert.NotEmpty(t.GetDeclaredQueryFilters()));
            return Task.FromResult(0);
        });
    }

    [Fact]
    public async Task The_database_is_migrated_and_instants_come_back_as_UTC()
    {
        await using var app = await ApplicationHarness.StartAsync(emptyDatabase: true);
        var admin = await app.AdminAsync();
        await app.SendAsync(admin, ClientBuilder.NewClient());

        var (pending, created) = await app.QueryAsync(async db =>
        {
            var migrations = await db.Database.GetPendingMigrationsAsync();
            var client = await db.Clients.AsNoTracking().FirstAsync();
            return (migrations.Count(), client.CreatedAt);
        });

        Assert.Equal(0, pending);
        Assert.Equal(DateTimeKind.Utc, created.Kind);
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime, created);
    }

    // SQLite's journal mode.
    [Fact, Trait(Store.Trait, Store.SqliteOnly)]
    public async Task The_database_runs_in_WAL_mode()
    {
        await using var app = await ApplicationHarness.StartAsync();

        var mode = await app.QueryAsync(db =>
            db.Database.SqlQueryRaw<string>("SELECT journal_mode AS Value FROM pragma_journal_mode").SingleAsync());

        Assert.Equal("wal", mode);
    }

    /// <summary>
    /// The outbox's crash window (docs/reminders.md, guarantees) assumes a committed group of sends survives a power loss:
    /// with synchronous=NORMAL, WAL commits since the last checkpoint could vanish and be sent again.
    /// </summary>
    // SQLite's synchronous setting.
    [Fact, Trait(Store.Trait, Store.SqliteOnly)]
    public async Task Every_commit_is_synced_to_disk_before_it_counts()
    {
        await using var app = await ApplicationHarness.StartAsync();

        var synchronous = await app.QueryAsync(db =>
            db.Database.SqlQueryRaw<int>("SELECT synchronous AS Value FROM pragma_synchronous").SingleAsync());

        Assert.Equal(2, synchronous); // FULL
    }

    [Fact]
    public async Task The_model_has_no_changes_missing_from_the_migrations()
    {
        await using var app = await ApplicationHarness.StartAsync();
        var pendingChanges = await app.QueryAsync(db => Task.FromResult(db.Database.HasPendingModelChanges()));
        Assert.False(pendingChanges, "Run dotnet ef migrations add: the model differs from the last migration.");
    }
}
