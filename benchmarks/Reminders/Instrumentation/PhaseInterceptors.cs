using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Consultancy.Benchmarks.Reminders.Instrumentation;

/// <summary>Ends the claim, load and mark phases when their SQL finishes, told apart by the statement text.</summary>
internal sealed class PhaseCommandInterceptor(PhaseTimer phases) : DbCommandInterceptor
{
    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken ct = default)
    {
        switch (Classify(command.CommandText))
        {
            case Statement.Claim:
                phases.Lap(Phase.Claim);
                break;
            case Statement.Mark:
                phases.Add(Detail.MarkStatement, eventData.Duration);
                phases.Lap(Phase.Mark);
                break;
        }
        return ValueTask.FromResult(result);
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken ct = default)
    {
        if (Classify(command.CommandText) == Statement.AuditInsert) phases.Add(Detail.AuditStatement, eventData.Duration);
        return ValueTask.FromResult(result);
    }

    // The batch is read to the end before the reader goes away, so this is where loading it ends. An INSERT …
    // RETURNING finishes (and, outside a transaction, commits) only as its reader is read to the end and closed.
    public override InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        switch (Classify(command.CommandText))
        {
            case Statement.Load:
                phases.Lap(Phase.Load);
                break;
            case Statement.AuditInsert:
                phases.Add(Detail.AuditStatement, eventData.Duration);
                break;
        }
        return result;
    }

    private enum Statement { Unrelated, Claim, Load, Mark, AuditInsert }

    private static Statement Classify(string sql) => sql switch
    {
        _ when sql.StartsWith("UPDATE \"OutboxMessages\"", StringComparison.Ordinal) && sql.Contains("\"SentAt\" =", StringComparison.Ordinal) => Statement.Mark,
        _ when sql.StartsWith("UPDATE \"OutboxMessages\"", StringComparison.Ordinal) && sql.Contains("\"Attempts\" =", StringComparison.Ordinal) => Statement.Claim,
        _ when sql.StartsWith("SELECT", StringComparison.Ordinal) && sql.Contains("FROM \"OutboxMessages\"", StringComparison.Ordinal)
            && sql.Contains("\"LockToken\" =", StringComparison.Ordinal) => Statement.Load,
        _ when sql.Contains("INSERT INTO \"AuditEntries\"", StringComparison.Ordinal) => Statement.AuditInsert,
        _ => Statement.Unrelated,
    };
}

/// <summary>A commit is where SQLite syncs to disk; statements outside a transaction commit (and sync) by themselves.</summary>
internal sealed class PhaseTransactionInterceptor(PhaseTimer phases) : DbTransactionInterceptor
{
    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken ct = default)
    {
        phases.Add(Detail.Commit, eventData.Duration);
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
