using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Common.Settings;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Consultancy.Infrastructure.Persistence.Backups;

/// <summary>
/// <c>VACUUM INTO</c> copies the database inside one read transaction, so the copy is a consistent snapshot
/// even while other requests write (WAL mode lets them carry on). Only the newest <see cref="BackupOptions.Keep"/> copies stay.
/// </summary>
public sealed class SqliteDatabaseBackups(AppDbContext db, IOptions<BackupOptions> options) : IDatabaseBackups
{
    private const string Pattern = "consultancy-*.db";

    public string? NotTakenHereBecause => null;

    public async Task<string> CreateAsync(string fileName, CancellationToken ct)
    {
        var settings = options.Value;
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
                     .OrderByDescending(f => f.Name, StringComparer.Ordinal).Skip(settings.Keep))
            old.Delete();
        return path;
    }
}

/// <summary>The <c>Backup</c> section (SQLite only): where the Backup page keeps a copy of each backup, and how many stay.</summary>
public sealed class BackupOptions
{
    public const string Section = "Backup";

    /// <summary>Relative to the content root.</summary>
    public string Directory { get; set; } = "App_Data/backups";

    /// <summary>The newest copies kept; older <c>consultancy-*.db</c> files there are deleted.</summary>
    [AtLeast(1)] public int Keep { get; set; } = 10;
}
