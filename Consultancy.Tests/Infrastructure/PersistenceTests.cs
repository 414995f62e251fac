using System.IO.Compression;
using System.Text.Json;
using Consultancy.Application.Domain;
using Consultancy.Application.Privacy;
using Consultancy.Infrastructure.Persistence;
using Consultancy.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Consultancy.Tests.Infrastructure;

public sealed class PersistenceTests
{
    /// <summary>
    /// Every table that holds a client's data (the client's own, one with a ClientId or a Client navigation, or one that
    /// refers to such a record) is declared client-owned. The declaration gives it the caseload rule's query filter and
    /// makes it erasable (<see cref="IClientOwned.ErasePersonalData"/> is part of it; the erasure loads every
    /// client-owned kind from the model); the export must give it a section of its own.
    /// </summary>
    [Fact]
    public async Task Every_table_with_a_clients_data_is_declared_client_owned_filtered_exported_and_erased()
    {
        await using var app = await ApplicationHarness.StartAsync();
        var admin = await app.AdminAsync();
        var clientId = await app.SendAsync(admin, ClientBuilder.NewClient());
        var export = await app.SendAsync(admin, new ExportClientData(clientId));
        using var zip = new ZipArchive(new MemoryStream(export.ToZip()));
        using var json = await JsonDocument.ParseAsync(zip.Entries.Single().Open());

        var (clientData, erased) = await app.QueryAsync(async db =>
            (HoldingClientData(db.Model), (await db.RecordsOfClientAsync(clientId, CancellationToken.None)).Select(r => r.GetType()).ToHashSet()));

        Assert.Contains(typeof(Client), clientData.Select(t => t.ClrType));
        Assert.Contains(typeof(ClientNote), clientData.Select(t => t.ClrType));
        var missing = new List<string>();
        foreach (var type in clientData)
        {
            var name = type.ClrType.Name;
            if (!type.ClrType.IsAssignableTo(typeof(IClientOwned)))
            {
                missing.Add($"{name} holds a client's data but does not implement IClientOwned (docs/adding-a-feature.md, A record that belongs to a client)");
                continue;
            }
            if (!type.GetDeclaredQueryFilters().Any()) missing.Add($"{name} has no query filter");
            if (!ClientDataExport.Sections.TryGetValue(type.ClrType, out var section))
                missing.Add($"{name} has no section in ClientDataExport.Sections");
            else if (!json.RootElement.TryGetProperty(JsonNamingPolicy.CamelCase.ConvertName(section), out _))
                missing.Add($"{name}'s export section {section} is not in the exported file");
        }
        Assert.True(missing.Count == 0, string.Join(Environment.NewLine, missing));
        // A new client has at least its own row, its first stage and its creation on the timeline; the erasure finds them.
        Assert.Superset(new HashSet<Type> { typeof(Client), typeof(ClientStageChange), typeof(AuditEntry) }, erased);
        Assert.All(ClientDataExport.Sections.Keys, type => Assert.Contains(type, clientData.Select(t => t.ClrType)));
    }

    /// <summary>
    /// The tables that hold a client's data, found from the model alone: the client's, those with a ClientId or a
    /// navigation to the client, and those referring to a record of one of these.
    /// </summary>
    private static List<IEntityType> HoldingClientData(IModel model)
    {
        var found = model.GetEntityTypes().Where(t => t.ClrType == typeof(Client) || t.FindProperty("ClientId") is not null
            || t.GetNavigations().Any(n => n.TargetEntityType.ClrType == typeof(Client))).ToList();
        for (var more = true; more;)
        {
            var referring = model.GetEntityTypes().Except(found)
                .Where(t => t.GetForeignKeys().Any(fk => found.Contains(fk.PrincipalEntityType))).ToList();
            found.AddRange(referring);
            more = referring.Count > 0;
        }
        return found;
    }

    /// <summary>
    /// The rule built for each kind of record keeps its special cases: a consultant sees their own client and its
    /// records and nothing of another consultant's client; mail about no client (an invitation) is for admins only.
    /// </summary>
    [Fact]
    public async Task The_caseload_rule_on_each_kind_keeps_mail_about_no_client_for_admins()
    {
        await using var app = await ApplicationHarness.StartAsync();
        var admin = await app.AdminAsync();
        var owner = await app.ConsultantAsync("owner.rule@consultancy.test");
        var other = await app.ConsultantAsync("other.rule@consultancy.test");
        var clientId = await app.SendAsync(admin, ClientBuilder.NewClient(consultantId: owner.Id));
        await app.QueryAsync(async db =>
        {
            var now = app.Clock.GetUtcNow().UtcDateTime;
            var client = await db.Clients.SingleAsync(c => c.Id == clientId);
            client.AddNote("Prefers mornings.", now, owner.Id);
            db.StrategyCalls.Add(StrategyCall.Book(client, owner.Id, now.AddDays(2), TimeSpan.FromMinutes(30), null, null, CallBookedBy.Staff, now));
            db.OutboxMessages.Add(OutboxMessage.Fixed(OutboxKind.Invitation, "invitation:rule", "new.hire@consultancy.test", "Welcome", "Set a password.", null, now));
            return await db.SaveChangesAsync();
        });

        Task<(int Clients, int Notes, int Stages, int Calls, int Timeline, int Invitations)> SeenBy(TestUser user) =>
            app.QueryAsAsync(user, async db => (await db.Clients.CountAsync(), await db.ClientNotes.CountAsync(), await db.ClientStageChanges.CountAsync(),
                await db.StrategyCalls.CountAsync(), await db.AuditEntries.CountAsync(), await db.OutboxMessages.CountAsync(m => m.DedupKey == "invitation:rule")));

        var byOwner = await SeenBy(owner);
        Assert.Equal((1, 1, 1, 1, 0), (byOwner.Clients, byOwner.Notes, byOwner.Stages, byOwner.Calls, byOwner.Invitations));
        Assert.NotEqual(0, byOwner.Timeline);
        Assert.Equal((0, 0, 0, 0, 0, 0), await SeenBy(other));
        var byAdmin = await SeenBy(admin);
        Assert.Equal(byOwner with { Invitations = 1 }, byAdmin);
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
