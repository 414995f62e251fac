using Consultancy.Application.Common;
using Consultancy.Application.Common.Interfaces;
using MediatR;

namespace Consultancy.Application.Backups;

/// <summary>Whether the app takes backups of its database itself, so the Backup page offers the download only where it works.</summary>
public sealed record GetBackupAvailability : IRequest<BackupAvailability>;

/// <param name="NotTakenHereBecause">Why not, and what to do instead; null when the app takes backups.</param>
public sealed record BackupAvailability(string? NotTakenHereBecause)
{
    public bool TakenHere => NotTakenHereBecause is null;
}

internal sealed class GetBackupAvailabilityHandler(IDatabaseBackups backups, ICurrentUser user)
    : IRequestHandler<GetBackupAvailability, BackupAvailability>
{
    public Task<BackupAvailability> Handle(GetBackupAvailability request, CancellationToken ct)
    {
        user.EnsureAdmin();
        return Task.FromResult(new BackupAvailability(backups.NotTakenHereBecause));
    }
}
