using Consultancy.Application.Common;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using Consultancy.Application.Security;
using MediatR;

namespace Consultancy.Application.Backups;

/// <summary>
/// An admin takes a copy of the whole database, named after the moment it was taken (UTC). The copy holds every
/// client's personal data, so taking it is recorded in the security log.
/// </summary>
public sealed record BackupDatabase : IRequest<DatabaseBackup>;

public sealed record DatabaseBackup(string FilePath, string FileName);

internal sealed class BackupDatabaseHandler(IDatabaseBackups backups, IAppDbContext db, ICurrentUser user, SecurityLog log, TimeProvider clock)
    : IRequestHandler<BackupDatabase, DatabaseBackup>
{
    public async Task<DatabaseBackup> Handle(BackupDatabase request, CancellationToken ct)
    {
        user.EnsureAdmin();
        var fileName = $"consultancy-{clock.GetUtcNow():yyyyMMdd-HHmmss}.db";
        var path = await backups.CreateAsync(fileName, ct);
        await log.RecordAsync(SecurityEventKind.DatabaseBackedUp, null, fileName, ct);
        await db.SaveChangesAsync(ct);
        return new DatabaseBackup(path, fileName);
    }
}
