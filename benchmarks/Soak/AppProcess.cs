using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Consultancy.Benchmarks.Soak;

/// <summary>
/// The published app as its own process, in Production on a loopback port, sending mail to the soak's SMTP
/// sink. Its working set is read from the operating system, as an operator's monitoring would.
/// </summary>
internal sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;

    private AppProcess(Process process, StreamWriter log, string baseUrl)
    {
        _process = process;
        _log = log;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public static async Task<AppProcess> StartAsync(string appDirectory, string databasePath, int smtpPort, string logPath, IReadOnlyDictionary<string, string> settings)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet", [Path.Combine(appDirectory, "Consultancy.Web.dll"), "--urls", $"http://127.0.0.1:{port}"])
        {
            WorkingDirectory = appDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ConnectionStrings__Default"] = $"Data Source={databasePath}";
        start.Environment["Email__Smtp__Host"] = "127.0.0.1";
        start.Environment["Email__Smtp__Port"] = smtpPort.ToString();
        start.Environment["Email__Smtp__Security"] = "None";
        start.Environment["DataProtection__KeysDirectory"] = Path.Combine(Path.GetDirectoryName(databasePath)!, "keys");
        foreach (var (key, value) in settings) start.Environment[key.Replace(":", "__")] = value;

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var log = new StreamWriter(logPath) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var app = new AppProcess(process, log, $"http://127.0.0.1:{port}");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        for (var attempt = 0; attempt < 240; attempt++)
        {
            if (process.HasExited) throw new InvalidOperationException($"The app exited during start-up; see {logPath}.");
            try
            {
                if ((await http.GetAsync($"{app.BaseUrl}/health")).StatusCode == HttpStatusCode.OK) return app;
            }
            catch (HttpRequestException) { }
            await Task.Delay(500);
        }
        await app.DisposeAsync();
        throw new TimeoutException($"The app did not answer /health within two minutes; see {logPath}.");
    }

    /// <summary>Resident memory of the app process in MiB (VmRSS), what the machine actually spends on it.</summary>
    public double WorkingSetMiB()
    {
        _process.Refresh();
        return _process.WorkingSet64 / 1024.0 / 1024.0;
    }

    public bool HasExited => _process.HasExited;

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // SIGTERM: the app's graceful shutdown (Quartz waits for a running dispatch), as a service manager stops it.
            Process.Start("kill", ["-TERM", _process.Id.ToString()])?.WaitForExit();
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try { await _process.WaitForExitAsync(wait.Token); }
            catch (OperationCanceledException) { _process.Kill(entireProcessTree: true); }
        }
        _process.Dispose();
        lock (_log) _log.Dispose();
    }
}
