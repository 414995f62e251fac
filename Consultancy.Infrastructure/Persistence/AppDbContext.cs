using Consultancy.Application.Common;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using Consultancy.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using System.Linq.Expressions;
using System.Reflection;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Consultancy.Infrastructure.Persistence;

/// <summary>
/// The app's database on SQLite, the default store. <see cref="PostgreSql.PostgreSqlAppDbContext"/> is the same model on
/// PostgreSQL: it overrides the few queries written for one store, and keeps its own migrations.
/// </summary>
public class AppDbContext : IdentityDbContext<AppUser>, IAppDbContext
{
    private readonly ICurrentUser _currentUser;

    public AppDbContext(DbContextOptions<AppDbContext> options, ICurrentUser currentUser) : this((DbContextOptions)options, currentUser)
    {
    }

    protected AppDbContext(DbContextOptions options, ICurrentUser currentUser) : base(options) => _currentUser = currentUser;

    // The caseload rule: admins and the system see every client, a consultant only their own, anyone else
    // nothing. Read when each query runs, not when the context is made: the sign-in machinery creates this
    // context while authenticating, before the request's user is known. Never pool this context.
    private bool SeesAllClients => _currentUser.SeesAllClients;
    private string? CurrentConsultantId => _currentUser.UserId;

    public DbSet<Client> Clients => Set<Client>();
    public DbSet<ClientNote> ClientNotes => Set<ClientNote>();
    public DbSet<ClientStageChange> ClientStageChanges => Set<ClientStageChange>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<UserProfile> UserProfiles => Set<UserProfile>();
    public DbSet<Deadline> Deadlines => Set<Deadline>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<Season> Seasons => Set<Season>();
    public DbSet<SeasonKeyDate> SeasonKeyDates => Set<SeasonKeyDate>();
    public DbSet<SeasonPlanRun> SeasonPlanRuns => Set<SeasonPlanRun>();
    public DbSet<Playbook> Playbooks => Set<Playbook>();
    public DbSet<PlaybookItem> PlaybookItems => Set<PlaybookItem>();
    public DbSet<ConsultantAvailability> ConsultantAvailabilities => Set<ConsultantAvailability>();
    public DbSet<StrategyCall> StrategyCalls => Set<StrategyCall>();
    public DbSet<LetterRequest> LetterRequests => Set<LetterRequest>();
    public DbSet<LetterRequestTemplate> LetterRequestTemplates => Set<LetterRequestTemplate>();
    public DbSet<SecurityEvent> SecurityEvents => Set<SecurityEvent>();
    public DbSet<SecurityPolicy> SecurityPolicies => Set<SecurityPolicy>();
    public DbSet<ResidencyProgram> ResidencyPrograms => Set<ResidencyProgram>();
    public DbSet<ClinicalExperience> ClinicalExperiences => Set<ClinicalExperience>();
    public DbSet<ProgramApplication> ProgramApplications => Set<ProgramApplication>();
    public DbSet<InterviewCriterion> InterviewCriteria => Set<InterviewCriterion>();
    public DbSet<InterviewScore> InterviewScores => Set<InterviewScore>();
    public DbSet<RankOrderList> RankOrderLists => Set<RankOrderList>();
    public DbSet<RankListRevision> RankListRevisions => Set<RankListRevision>();
    public DbSet<LetterAssignment> LetterAssignments => Set<LetterAssignment>();
    public DbSet<SeasonSignalLimit> SeasonSignalLimits => Set<SeasonSignalLimit>();


    /// <summary>Shortest term the trigram index can answer; shorter ones scan the search text instead.</summary>
    protected const int TrigramLength = 3;

    public virtual IQueryable<Client> ClientsMatching(string term)
    {
        var lowered = term.Trim().ToLowerInvariant();
        if (lowered.Length < TrigramLength) return Clients.Where(c => c.SearchText.Contains(lowered));
        // ClientSearch is an FTS5 table with the trigram tokenizer over Clients.SearchText, kept in step by
        // triggers (see the ClientSearchIndex migration); a quoted phrase there is a substring match.
        var phrase = "\"" + lowered.Replace("\"", "\"\"") + "\"";
        var ids = Database.SqlQuery<int>($"SELECT rowid AS \"Value\" FROM ClientSearch WHERE ClientSearch MATCH {phrase}");
        return Clients.Where(c => ids.Contains(c.Id));
    }

    public IQueryable<string> SeasonsOf(IQueryable<Client> clients)
    {
        // A loose index scan, which neither SQLite nor PostgreSQL does by itself: each step seeks the next season after the last
        // one, so listing five seasons costs five index seeks however many clients there are. It sees every
        // client; the EXISTS below, over the caller's clients (query filter included), keeps that caseload's.
        var everySeason = Database.SqlQueryRaw<string>("""
            WITH RECURSIVE "Steps"("Value") AS (
                SELECT MIN("Season") FROM "Clients"
                UNION ALL
                SELECT (SELECT MIN("c"."Season") FROM "Clients" AS "c" WHERE "c"."Season" > "Steps"."Value")
                FROM "Steps" WHERE "Steps"."Value" IS NOT NULL)
            SELECT "Value" FROM "Steps" WHERE "Value" IS NOT NULL
            """);
        // The steps are never null, but EF cannot know that: compared as they are, it would add "or both are null",
        // which PostgreSQL cannot answer from the index and so checks against every client.
        return everySeason.Where(season => clients.Any(c => c.Season == (season ?? "")));
    }

    public IQueryable<AuditEntry> AuditEntriesMentioning(string text)
    {
        // The changes are stored as JSON, which escapes some characters (non-ASCII letters, '+', '<'): look for the
        // text both as typed and as the JSON writer spells it.
        var plain = LikePattern.Containing(text);
        var encoded = LikePattern.Containing(JsonEncodedText.Encode(text).ToString());
        // The operator is the store's own keyword; the patterns go in as parameters.
        var sql = $$"""
            SELECT "Id" AS "Value" FROM "AuditEntries"
            WHERE CAST("Changes" AS TEXT) {{CaseInsensitiveLike}} {0} ESCAPE '\' OR CAST("Changes" AS TEXT) {{CaseInsensitiveLike}} {1} ESCAPE '\'
            """;
        var ids = Database.SqlQueryRaw<long>(sql, plain, encoded);
        return AuditEntries.Where(a => ids.Contains(a.Id));
    }

    public async Task<IReadOnlyList<IClientOwned>> RecordsOfClientAsync(int clientId, CancellationToken ct)
    {
        var kinds = Model.GetEntityTypes().Where(t => t.IsClientOwned()).ToList();
        var records = new List<IClientOwned>();
        foreach (var kind in kinds) records.AddRange(await WhereAsync(kind, kind.ClientKey(), [clientId], ct));

        // A record filed under no client that refers to one of the client's records is about the client too: an email
        // to a consultant about the client's call.
        var found = records.ToHashSet(ReferenceEqualityComparer.Instance);
        foreach (var kind in kinds)
        foreach (var reference in kind.ReferencesToClientRecords())
        {
            var principalKey = reference.PrincipalKey.Properties.Single().Name;
            var keys = records.Where(r => r.GetType() == reference.PrincipalEntityType.ClrType)
                .Select(r => Entry(r).Property(principalKey).CurrentValue).ToList();
            if (keys.Count == 0) continue;
            foreach (var record in await WhereAsync(kind, reference.Properties.Single(), keys, ct))
                if (found.Add(record)) records.Add(record);
        }
        return records;
    }

    /// <summary>The rows of <paramref name="kind"/> whose <paramref name="column"/> holds one of <paramref name="values"/>, tracked.</summary>
    private Task<List<IClientOwned>> WhereAsync(IEntityType kind, IReadOnlyProperty column, IReadOnlyList<object?> values, CancellationToken ct)
    {
        var typedValues = Array.CreateInstance(column.ClrType, values.Count);
        for (var i = 0; i < values.Count; i++) typedValues.SetValue(values[i], i);
        var record = Expression.Parameter(kind.ClrType, "r");
        var predicate = Expression.Lambda(
            Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [column.ClrType], Expression.Constant(typedValues), Expression.Property(record, column.PropertyInfo!)),
            record);
        return (Task<List<IClientOwned>>)WhereOfKind.MakeGenericMethod(kind.ClrType).Invoke(this, [predicate, ct])!;
    }

    private static readonly MethodInfo WhereOfKind = typeof(AppDbContext).GetMethod(nameof(WhereAsync), 1, BindingFlags.Instance | BindingFlags.NonPublic,
        [typeof(LambdaExpression), typeof(CancellationToken)])!;

    private async Task<List<IClientOwned>> WhereAsync<T>(LambdaExpression predicate, CancellationToken ct) where T : class, IClientOwned =>
        [.. await Set<T>().Where((Expression<Func<T, bool>>)predicate).ToListAsync(ct)];

    /// <summary>The store's LIKE that ignores (at least ASCII) case: SQLite's own LIKE does.</summary>
    protected virtual string CaseInsensitiveLike => "LIKE";

    public virtual async Task<bool> ExpungeErasedDataAsync(CancellationToken ct)
    {
        // The search index keeps a deleted row's trigrams in older segments until they are merged; 'optimize' merges
        // every segment into one, so the erased text's trigrams are gone (and, with secure_delete on every
        // connection, so are the pages that held them).
        await Database.ExecuteSqlRawAsync("INSERT INTO ClientSearch(ClientSearch) VALUES ('optimize');", ct);
        // In WAL mode the log holds the pages as they were before the erasure until a checkpoint copies the new ones
        // into the database file; TRUNCATE then empties the log file. It waits for readers (busy timeout) and
        // reports busy if one still holds an old snapshot.
        var connection = Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened) await connection.OpenAsync(ct);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await using var reader = await command.ExecuteReaderAsync(ct);
            return await reader.ReadAsync(ct) && reader.GetInt32(0) == 0;
        }
        finally
        {
            if (opened) await connection.CloseAsync();
        }
    }

    public virtual Task<int> ClaimDueOutboxAsync(Guid token, DateTime now, DateTime leaseEnd, int batchSize, CancellationToken ct) =>
        // One conditional UPDATE; SQLite runs one writer at a time, so two dispatchers' claims never overlap.
        OutboxMessages
            .Where(m => m.Status == OutboxStatus.Pending && m.DueAt <= now && (m.LockedUntil == null || m.LockedUntil < now))
            .OrderBy(m => m.DueAt).ThenBy(m => m.Id)
            .Take(batchSize)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.LockToken, token)
                .SetProperty(m => m.LockedUntil, leaseEnd)
                .SetProperty(m => m.Attempts, m => m.Attempts + 1), ct);

    // SQLite starts every transaction with BEGIN IMMEDIATE (Microsoft.Data.Sqlite's default), which already lets one
    // writing transaction run at a time.
    public virtual Task<ITransaction> BeginCalendarChangeAsync(CancellationToken ct) => BeginTransactionAsync(ct);

    public async Task<ITransaction> BeginTransactionAsync(CancellationToken ct)
    {
        if (Database.CurrentTransaction is not null) return JoinedTransaction.Instance;
        var transaction = await Database.BeginTransactionAsync(ct);
        // The transaction is all or nothing: a savepoint before each save inside it would only cost a round trip.
        Database.AutoSavepointsEnabled = false;
        return new OwnTransaction(transaction);
    }

    public void ForgetTrackedRecords() => ChangeTracker.Clear();

    public void Delete(object record) => Remove(record);

    private sealed class OwnTransaction(IDbContextTransaction transaction) : ITransaction
    {
        public Task CommitAsync(CancellationToken ct) => transaction.CommitAsync(ct);
        public ValueTask DisposeAsync() => transaction.DisposeAsync();
    }

    /// <summary>A transaction inside one already open: the outer one commits or undoes it all.</summary>
    private sealed class JoinedTransaction : ITransaction
    {
        public static readonly JoinedTransaction Instance = new();
        public Task CommitAsync(CancellationToken ct) => Task.CompletedTask;
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    /// <summary>
    /// Held while an app instance creates, migrates and seeds the database, so instances starting together do it one at
    /// a time and the later ones find it done.
    /// </summary>
    // One SQLite file is served by one app process at a time: there is nothing to hold.
    public virtual Task<IAsyncDisposable> HoldStartUpLockAsync(CancellationToken ct) => Task.FromResult<IAsyncDisposable>(NothingHeld.Instance);

    private sealed class NothingHeld : IAsyncDisposable
    {
        public static readonly NothingHeld Instance = new();
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    /// <summary>Settings and statistics the store wants once the schema is current, on every start.</summary>
    public virtual async Task PrepareAsync(CancellationToken ct)
    {
        // WAL lets the list pages read while a reminder job writes; the mode is stored in the file.
        await Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        // Table statistics for the query planner. Without them SQLite guesses that "not archived" picks out a
        // handful of clients, and a search walks every client to test each against the handful the text index
        // found, instead of reading just those. 0x10002: analyse every table whose statistics are missing or
        // out of date, with the sampling limit SQLite sets for this pragma, so it stays quick on a large file.
        await Database.ExecuteSqlRawAsync("PRAGMA optimize=0x10002;", ct);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);

        foreach (var kind in builder.Model.GetEntityTypes().Where(t => t.IsClientOwned()).ToList())
            builder.Entity(kind.ClrType).HasQueryFilter(CaseloadRule(kind));
    }

    /// <summary>
    /// The caseload rule on one kind of client-owned record, as the compiler would build it from
    /// <c>r =&gt; SeesAllClients || r.Client!.ConsultantId == CurrentConsultantId</c>, so the context's properties are
    /// read when each query runs. A client's own row is its consultant's. A record with a consultant of its own
    /// (<see cref="IAlsoSeenByItsConsultant"/>: a call a returning client booked with someone else) is also that
    /// consultant's. A row about no client (an invitation, a password reset) is for admins' eyes only.
    /// </summary>
    private LambdaExpression CaseloadRule(IReadOnlyEntityType kind)
    {
        var context = Expression.Constant(this, typeof(AppDbContext));
        var seesAllClients = Expression.Property(context, ContextProperty(nameof(SeesAllClients)));
        var consultant = Expression.Property(context, ContextProperty(nameof(CurrentConsultantId)));
        var record = Expression.Parameter(kind.ClrType, "r");

        Expression rule;
        if (kind.ClrType == typeof(Client))
        {
            rule = Expression.Equal(Expression.Property(record, nameof(Client.ConsultantId)), consultant);
        }
        else
        {
            var toClient = kind.ForeignKeyToClient();
            var client = Expression.Property(record, toClient.DependentToPrincipal!.Name);
            rule = Expression.Equal(Expression.Property(client, nameof(Client.ConsultantId)), consultant);
            if (!toClient.IsRequired)
            {
                var clientId = Expression.Property(record, toClient.Properties.Single().Name);
                rule = Expression.AndAlso(Expression.NotEqual(clientId, Expression.Constant(null, clientId.Type)), rule);
            }
        }
        if (kind.ClrType.IsAssignableTo(typeof(IAlsoSeenByItsConsultant)))
            rule = Expression.OrElse(Expression.Equal(Expression.Property(record, nameof(IAlsoSeenByItsConsultant.ConsultantId)), consultant), rule);
        return Expression.Lambda(Expression.OrElse(seesAllClients, rule), record);
    }

    private static PropertyInfo ContextProperty(string name) =>
        typeof(AppDbContext).GetProperty(name, BindingFlags.Instance | BindingFlags.NonPublic)!;

    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        // Every DateTime is a UTC instant; SQLite returns them unspecified, so mark them on the way out.
        builder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        builder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }
}
