using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Consultancy.Web.Infrastructure;

/// <summary>
/// Import files between the preview and the import itself, and the rows an import skipped, to download: on disk under
/// <c>Imports:Directory</c>, in a folder of the uploader, named by a random id, so only the person who uploaded a file can
/// import it or download what it left out. Files are deleted after <see cref="KeepFor"/> (an upload at once when imported).
/// </summary>
public sealed class ImportUploads(IOptions<ImportOptions> options, TimeProvider clock)
{
    public const long MaxBytes = 10 * 1024 * 1024;
    private static readonly TimeSpan KeepFor = TimeSpan.FromHours(2);
    private const string Upload = ".csv";
    private const string Rejected = ".rejected.csv";

    private string Root => options.Value.Directory;

    public Task<string> SaveAsync(string userId, IFormFile file, CancellationToken ct) =>
        SaveAsync(userId, Upload, file.CopyToAsync, ct);

    /// <summary>The uploader's file with this id, or null when it is not theirs, never existed, or has expired.</summary>
    public Stream? Open(string userId, string? id) => OpenFile(PathOf(userId, id, Upload));

    public void Delete(string userId, string? id)
    {
        if (PathOf(userId, id, Upload) is { } path && File.Exists(path)) File.Delete(path);
    }

    /// <summary>Keeps the rows an import skipped, written by <paramref name="write"/>, for their importer to download; returns its id.</summary>
    public Task<string> SaveRejectedAsync(string userId, Func<Stream, CancellationToken, Task> write, CancellationToken ct) =>
        SaveAsync(userId, Rejected, write, ct);

    /// <summary>The rows skipped by an import of this user, or null when they are not theirs, never existed, or have expired.</summary>
    public Stream? OpenRejected(string userId, string? id) => OpenFile(PathOf(userId, id, Rejected));

    public bool HasRejected(string userId, string? id) => PathOf(userId, id, Rejected) is { } path && File.Exists(path);

    private async Task<string> SaveAsync(string userId, string kind, Func<Stream, CancellationToken, Task> write, CancellationToken ct)
    {
        DeleteExpired();
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var folder = FolderOf(userId);
        Directory.CreateDirectory(folder);
        await using var target = new FileStream(Path.Combine(folder, id + kind), FileMode.CreateNew, FileAccess.Write);
        await write(target, ct);
        return id;
    }

    private static FileStream? OpenFile(string? path) =>
        path is not null && File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read) : null;

    private string? PathOf(string userId, string? id, string kind) =>
        id is { Length: 32 } && id.All(char.IsAsciiHexDigitLower) ? Path.Combine(FolderOf(userId), id + kind) : null;

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
