using Consultancy.Application.Common.Interfaces;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Infrastructure.Persistence.Backups;

/// <summary>
/// <c>VACUUM INTO</c> copies the database inside one read transaction, so the copy is a consistent snapshot
/// even while other requests write (WAL mode lets them carry on). Only the newest <see cref="Keep"/> copies stay.
/// </summary>
public sealed class SqliteDatabaseBackups(AppDbContext db, BackupSettings settings) : IDatabaseBackups
{
    public const int DefaultKeep = 10;
    private const string Pattern = "consultancy-*.db";

    private int Keep => Math.Max(1, settings.Keep);

    public string? NotTakenHereBecause => null;

    public async Task<string> CreateAsync(string fileName, CancellationToken ct)
    {
        Directory.CreateDirectory(settings.Directory);
        var path = Path.Combine(settings.Directory, fileName);
        // Two backups in the same second would otherwise collide: VACUUM INTO refuses an existing file.
        if (File.Exists(path)) File.Delete(path);

        await using (var connection = new SqliteConnection(db.Database.GetConnectionString()))
        {
            await connection.OpenAsync(ct);
            await using var vacuum = connection.CreateCommand();
            vacuum.CommandText = "VACUUM INTO $path";
            vacuum.Parameters.AddWithValue("$path", path);
            await vacuum.ExecuteNonQueryAsync(ct);
        }

        foreach (var old in new DirectoryInfo(settings.Directory).GetFiles(Pattern)
                     .OrderByDescending(f => f.Name, StringComparer.Ordinal).Skip(Keep))
            old.Delete();
        return path;
    }
}

/// <summary>Where backups go (<c>Backup:Directory</c>, default <c>App_Data/backups</c>) and how many stay (<c>Backup:Keep</c>).</summary>
public sealed record BackupSettings(string Directory, int Keep);
