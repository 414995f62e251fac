using Consultancy.Application.Common;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Consultancy.Infrastructure.Persistence.PostgreSql;

/// <summary>
/// The app's database on PostgreSQL (<c>Database:Provider</c> = <c>PostgreSql</c>): the same model as on SQLite, with
/// its own migrations (in <c>Persistence/PostgreSql/Migrations</c>), a trigram index for search, row locking for the
/// outbox claim, and the data-protection keys, which every app instance must share.
/// </summary>
public sealed class PostgreSqlAppDbContext(DbContextOptions<PostgreSqlAppDbContext> options, ICurrentUser currentUser)
    : AppDbContext(options, currentUser), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public override IQueryable<Client> ClientsMatching(string term)
    {
        var lowered = term.Trim().ToLowerInvariant();
        // Too short for the trigram index: the plain substring scan, as on SQLite.
        if (lowered.Length < TrigramLength) return base.ClientsMatching(term);
        var pattern = LikePattern.Containing(lowered);
        // The matches come from the pg_trgm index on the search text, found first and then sorted. Left to itself, the
        // planner walks the list's name index and filters it, expecting matches spread through the alphabet; but a
        // surname's matches sit together, so a search for "okafor" read every name before the O's (1.2 s at 500,000
        // clients). PostgreSQL never moves an outer query's order or conditions into a subquery with an OFFSET, so
        // "OFFSET 0" keeps the match a step of its own.
        return Clients.FromSql($"""
            SELECT * FROM "Clients" WHERE "SearchText" LIKE {pattern} ESCAPE '\' OFFSET 0
            """);
    }

    protected override string CaseInsensitiveLike => "ILIKE";

    public override async Task<bool> ExpungeErasedDataAsync(CancellationToken ct)
    {
        // Old row versions stay in a table until VACUUM removes them; it marks their space free for reuse (the bytes
        // themselves go when the space is reused, as in any PostgreSQL table). The tables an erasure changes: every
        // client-owned record's, and the security log, where mentions of the client are replaced.
        var tables = Model.GetEntityTypes().Where(t => t.IsClientOwned()).Select(t => t.GetTableName()!)
            .Append(Model.FindEntityType(typeof(SecurityEvent))!.GetTableName()!);
        var vacuum = "VACUUM " + string.Join(", ", tables.Select(table => $"\"{table}\""));
        await Database.ExecuteSqlRawAsync(vacuum, ct);
        return true;
    }

    public override Task<int> ClaimDueOutboxAsync(Guid token, DateTime now, DateTime leaseEnd, int batchSize, CancellationToken ct) =>
        // Rows another dispatcher is claiming at this moment are locked: SKIP LOCKED passes over them instead of
        // waiting for them, so dispatchers on several instances take disjoint batches side by side.
        Database.ExecuteSqlInterpolatedAsync($"""
            UPDATE "OutboxMessages" SET "LockToken" = {token}, "LockedUntil" = {leaseEnd}, "Attempts" = "Attempts" + 1
            WHERE "Id" IN (
                SELECT "Id" FROM "OutboxMessages"
                WHERE "Status" = {(int)OutboxStatus.Pending} AND "DueAt" <= {now} AND ("LockedUntil" IS NULL OR "LockedUntil" < {now})
                ORDER BY "DueAt", "Id"
                LIMIT {batchSize}
                FOR UPDATE SKIP LOCKED)
            """, ct);

    /// <summary>The advisory lock every calendar-changing transaction takes; any number unused elsewhere.</summary>
    private const long CalendarLock = 0x43616c656e646172; // "Calendar"

    // A transaction-scoped advisory lock: calendar changes queue for it, everything else runs side by side.
    public override async Task<ITransaction> BeginCalendarChangeAsync(CancellationToken ct)
    {
        var transaction = await BeginTransactionAsync(ct);
        await Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({CalendarLock})", ct);
        return transaction;
    }

    /// <summary>The advisory lock an instance holds while it creates, migrates and seeds the database.</summary>
    private const long StartUpLock = 0x5374617274696e67; // "Starting"

    public override async Task<IAsyncDisposable> HoldStartUpLockAsync(CancellationToken ct)
    {
        // The lock lives in the database, so the database must exist first: instances racing to create it all go on.
        var creator = this.GetService<IRelationalDatabaseCreator>();
        if (!await creator.ExistsAsync(ct))
        {
            try
            {
                await creator.CreateAsync(ct);
            }
            catch (PostgresException error) when (error.SqlState == PostgresErrorCodes.DuplicateDatabase)
            {
            }
        }
        // A session lock on a connection of its own, released when the caller disposes it. Not pooled: a pooled
        // connection would go back to the pool still holding the lock.
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Database.GetConnectionString()) { Pooling = false }.ConnectionString);
        try
        {
            await connection.OpenAsync(ct);
            // No command timeout: the wait lasts as long as another instance's migrations, which can take minutes.
            await using var take = new NpgsqlCommand($"SELECT pg_advisory_lock({StartUpLock})", connection) { CommandTimeout = 0 };
            await take.ExecuteNonQueryAsync(ct);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    // Autovacuum keeps PostgreSQL's planner statistics; there is nothing to set per start.
    public override Task PrepareAsync(CancellationToken ct) => Task.CompletedTask;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.HasPostgresExtension("pg_trgm");
        builder.Entity<Client>().HasIndex(c => c.SearchText)
            .HasMethod("gin").HasOperators("gin_trgm_ops").HasDatabaseName("IX_Clients_SearchText_Trigram");
        builder.Entity<ResidencyProgram>().HasIndex(p => p.SearchText)
            .HasMethod("gin").HasOperators("gin_trgm_ops").HasDatabaseName("IX_ResidencyPrograms_SearchText_Trigram");
        // A caseload's unfiltered total, counted from narrow entries instead of the list's wide index (at 500,000
        // clients, about 130 ms down to 20 ms). PostgreSQL only: SQLite's planner would take it for the list page too and
        // sort the whole caseload instead of walking the list's index in order.
        builder.Entity<Client>().HasIndex(c => new { c.ConsultantId, c.IsArchived });
    }
}
