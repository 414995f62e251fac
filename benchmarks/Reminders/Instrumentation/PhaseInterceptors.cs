using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Consultancy.Benchmarks.Reminders.Instrumentation;

/// <summary>Ends the claim and load phases when their SQL finishes, told apart by the statement text; times the recording's statements.</summary>
internal sealed class PhaseCommandInterceptor(PhaseTimer phases) : DbCommandInterceptor
{
    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken ct = default)
    {
        switch (Classify(command.CommandText))
        {
            case Statement.Claim:
                phases.Lap(Phase.Claim);
                break;
            case Statement.Record:
                phases.Add(Detail.RecordStatements, eventData.Duration);
                break;
        }
        return ValueTask.FromResult(result);
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken ct = default)
    {
        if (Classify(command.CommandText) == Statement.Record) phases.Add(Detail.RecordStatements, eventData.Duration);
        return ValueTask.FromResult(result);
    }

    // The batch is read to the end before the reader goes away, so this is where loading it ends. An INSERT …
    // RETURNING finishes only as its reader is read to the end and closed.
    public override InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        switch (Classify(command.CommandText))
        {
            case Statement.Load:
                phases.Lap(Phase.Load);
                break;
            case Statement.Record:
                phases.Add(Detail.RecordStatements, eventData.Duration);
                break;
        }
        return result;
    }

    private enum Statement { Unrelated, Claim, Load, Record }

    private static Statement Classify(string sql) => sql switch
    {
        _ when sql.StartsWith("UPDATE \"OutboxMessages\"", StringComparison.Ordinal) && sql.Contains("\"SentAt\" =", StringComparison.Ordinal) => Statement.Record,
        _ when sql.StartsWith("UPDATE \"OutboxMessages\"", StringComparison.Ordinal) && sql.Contains("\"Attempts\" =", StringComparison.Ordinal) => Statement.Claim,
        _ when sql.StartsWith("SELECT", StringComparison.Ordinal) && sql.Contains("FROM \"OutboxMessages\"", StringComparison.Ordinal)
            && sql.Contains("\"LockToken\" =", StringComparison.Ordinal) && sql.Contains("\"Deadlines\"", StringComparison.Ordinal) => Statement.Load,
        _ when sql.StartsWith("SELECT", StringComparison.Ordinal) && sql.Contains("FROM \"OutboxMessages\"", StringComparison.Ordinal)
            && sql.Contains("\"LockToken\" =", StringComparison.Ordinal) => Statement.Record,
        _ when sql.Contains("INSERT INTO \"AuditEntries\"", StringComparison.Ordinal) => Statement.Record,
        _ => Statement.Unrelated,
    };
}

/// <summary>
/// Times each transaction of the dispatcher — it has one kind only, recording a group of sends — and its commit,
/// where SQLite syncs to disk. Groups are recorded beside the sends, so these are not laps of the send path.
/// </summary>
internal sealed class PhaseTransactionInterceptor(PhaseTimer phases) : DbTransactionInterceptor
{
    private readonly ConcurrentDictionary<DbTransaction, long> _started = new();

    public override ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken ct = default)
    {
        _started[result] = Stopwatch.GetTimestamp() - (long)(eventData.Duration.TotalSeconds * Stopwatch.Frequency);
        return ValueTask.FromResult(result);
    }

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken ct = default)
    {
        phases.Add(Detail.Commit, eventData.Duration);
        if (_started.TryRemove(transaction, out var started)) phases.Add(Detail.Record, Stopwatch.GetElapsedTime(started));
        return Task.CompletedTask;
    }

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken ct = default)
    {
        _started.TryRemove(transaction, out _);
        return Task.CompletedTask;
    }
}

/// <summary>Sets <c>PRAGMA synchronous</c> on every connection; SQLite keeps it per connection, not in the file.</summary>
internal sealed class SynchronousPragma(string mode) : DbConnectionInterceptor
{
    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken ct = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA synchronous={mode};";
        await command.ExecuteNonQueryAsync(ct);
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA synchronous={mode};";
        command.ExecuteNonQuery();
    }
}
