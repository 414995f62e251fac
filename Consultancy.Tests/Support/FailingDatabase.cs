using System.Data.Common;
using Consultancy.Infrastructure.Persistence;
using Consultancy.Infrastructure.Persistence.PostgreSql;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Consultancy.Tests.Support;

/// <summary>
/// The real database, failing on cue: the n-th commit from now throws, and with <c>dies</c> every
/// statement and commit after it throws too — what the dispatcher sees of a process that stopped right there.
/// </summary>
public sealed class FailingDatabase : IDbTransactionInterceptor, IDbCommandInterceptor
{
    private int _commitsLeft = -1;
    private bool _dies;
    private volatile bool _dead;

    public void AddTo(IServiceCollection services)
    {
        // The options of whichever store the app runs on.
        services.ConfigureDbContext<AppDbContext>(options => options.AddInterceptors(this));
        services.ConfigureDbContext<PostgreSqlAppDbContext>(options => options.AddInterceptors(this));
    }

    /// <param name="commit">1 for the next commit, 2 for the one after, ...</param>
    public void FailCommit(int commit, bool dies)
    {
        (_dies, _dead) = (dies, false);
        Volatile.Write(ref _commitsLeft, commit);
    }

    /// <summary>The process starts again: the database works as before.</summary>
    public void Revive()
    {
        _dead = false;
        Volatile.Write(ref _commitsLeft, -1);
    }

    public ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData,
        InterceptionResult result, CancellationToken ct = default)
    {
        ThrowIfDead();
        if (Interlocked.Decrement(ref _commitsLeft) == 0)
        {
            _dead = _dies;
            throw new IOException("The database stopped before this commit.");
        }
        return ValueTask.FromResult(result);
    }

    public ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken ct = default)
    {
        ThrowIfDead();
        return ValueTask.FromResult(result);
    }

    public ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken ct = default)
    {
        ThrowIfDead();
        return ValueTask.FromResult(result);
    }

    private void ThrowIfDead()
    {
        if (_dead) throw new IOException("The database is gone.");
    }
}
