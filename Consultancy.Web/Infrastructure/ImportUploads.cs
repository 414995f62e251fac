using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Consultancy.Web.Infrastructure;

/// <summary>
/// Import files between the preview and the import itself: on disk under <c>Imports:Directory</c>, in a folder
/// of the uploader, named by a random id, so only the person who uploaded a file can import it. Files left behind (a preview never confirmed) are deleted after <see cref="KeepFor"/>.
/// </summary>
public sealed class ImportUploads(IOptions<ImportOptions> options, TimeProvider clock)
{
    public const long MaxBytes = 10 * 1024 * 1024;
    private static readonly TimeSpan KeepFor = TimeSpan.FromHours(2);

    private string Root => options.Value.Directory;

    public async Task<string> SaveAsync(string userId, IFormFile file, CancellationToken ct)
    {
        DeleteExpired();
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var folder = FolderOf(userId);
        Directory.CreateDirectory(folder);
        await using var target = new FileStream(Path.Combine(folder, id + ".csv"), FileMode.CreateNew, FileAccess.Write);
        await file.CopyToAsync(target, ct);
        return id;
    }

    /// <summary>The uploader's file with this id, or null when it is not theirs, never existed, or has expired.</summary>
    public Stream? Open(string userId, string? id)
    {
        var path = PathOf(userId, id);
        return path is not null && File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read) : null;
    }

    public void Delete(string userId, string? id)
    {
        if (PathOf(userId, id) is { } path && File.Exists(path)) File.Delete(path);
    }

    private string? PathOf(string userId, string? id) =>
        id is { Length: 32 } && id.All(char.IsAsciiHexDigitLower) ? Path.Combine(FolderOf(userId), id + ".csv") : null;

    private string FolderOf(string userId) =>
        Path.Combine(Root, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(userId)))[..24]);

    private void DeleteExpired()
    {
        if (!Directory.Exists(Root)) return;
        var cutoff = clock.GetUtcNow().UtcDateTime - KeepFor;
        foreach (var file in Directory.EnumerateFiles(Root, "*.csv", SearchOption.AllDirectories))
            if (File.GetLastWriteTimeUtc(file) < cutoff)
                try { File.Delete(file); } catch (IOException) { /* in use by an import right now: next time */ }
    }
}

/// <summary>The <c>Imports</c> section.</summary>
public sealed class ImportOptions
{
    public const string Section = "Imports";

    /// <summary>Where uploaded import files wait between the preview and the import; relative to the content root.</summary>
    public string Directory { get; set; } = "App_Data/imports";
}
