using System.Data.Common;
using Consultancy.Application.Common;
using Consultancy.Application.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Consultancy.Infrastructure.Persistence.Interceptors;

/// <summary>
/// Tells the kept caseload totals that clients, deadlines, calls, letters or applications changed, once the change is visible to
/// other readers: after the save, or after the commit when the save ran inside a transaction. Told earlier, a page
/// could count the old rows in between and keep that count as current. Outbox sends are left out on purpose: the
/// dispatcher saves after every few emails, and the outbox figures may lag by the totals' lifetime.
/// </summary>
internal sealed class CaseloadChangeInterceptor(CaseloadTotals totals) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private bool _uncommitted;

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken ct = default)
    {
        Note(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        SignalUnlessInTransaction(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken ct = default)
    {
        SignalUnlessInTransaction(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Signal();

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken ct = default)
    {
        Signal();
        return Task.CompletedTask;
    }

    private void Note(DbContext? context)
    {
        if (context is null) return;
        context.ChangeTracker.DetectChanges();
        _uncommitted |= context.ChangeTracker.Entries()
            .Any(e => e.Entity is ICaseloadCounted
                && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted);
    }

    private void SignalUnlessInTransaction(DbContext? context)
    {
        if (context?.Database.CurrentTransaction is null) Signal();
    }

    private void Signal()
    {
        if (!_uncommitted) return;
        _uncommitted = false;
        totals.CaseloadChanged();
    }
}
