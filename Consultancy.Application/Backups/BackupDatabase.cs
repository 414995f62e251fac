using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Users;
using MediatR;

namespace Consultancy.Application.Backups;

/// <summary>An admin takes a copy of the whole database, named after the moment it was taken (UTC).</summary>
public sealed record BackupDatabase : IRequest<DatabaseBackup>;

public sealed record DatabaseBackup(string FilePath, string FileName);

internal sealed class BackupDatabaseHandler(IDatabaseBackups backups, ICurrentUser user, TimeProvider clock) : IRequestHandler<BackupDatabase, DatabaseBackup>
{
    public async Task<DatabaseBackup> Handle(BackupDatabase request, CancellationToken ct)
    {
        user.EnsureAdmin();
        var fileName = $"consultancy-{clock.GetUtcNow():yyyyMMdd-HHmmss}.db";
        return new DatabaseBackup(await backups.CreateAsync(fileName, ct), fileName);
    }
}
