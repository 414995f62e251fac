namespace Consultancy.Application.Common.Interfaces;

/// <summary>
/// A database transaction a use case opened with <see cref="IAppDbContext.BeginTransactionAsync"/>: what is saved in it
/// counts only once it commits; disposed without committing, it is all undone.
/// </summary>
public interface ITransaction : IAsyncDisposable
{
    Task CommitAsync(CancellationToken ct);
}
