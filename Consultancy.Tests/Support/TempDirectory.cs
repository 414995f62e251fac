namespace Consultancy.Tests.Support;

/// <summary>A folder of its own for one fixture: its SQLite file, its mail pickup folder. Deleted afterwards.</summary>
public sealed class TempDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("consultancy-tests-").FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); }
        catch (IOException) { /* a SQLite handle still closing; the OS temp cleaner gets it */ }
    }
}
