using System.Diagnostics;
using Consultancy.Application.Domain;
using Consultancy.Benchmarks.Reminders.Smtp;
using Npgsql;

namespace Consultancy.Benchmarks.Reminders;

internal sealed record InstancesRow(string Store, int Instances, int Messages, TimeSpan Elapsed, IReadOnlyList<int> SentByInstance)
{
    public double PerSecond => Messages / Elapsed.TotalSeconds;
}

/// <summary>
/// One and two app instances dispatching the same number of due reminders from one database to a loopback SMTP sink,
/// on SQLite (one shared file) and, given a server, on PostgreSQL: every instance runs the dispatcher at once, as
/// their scheduled jobs would, until nothing is due; each email must arrive exactly once.
/// </summary>
internal sealed class InstancesBenchmark(int messages)
{
    private static readonly DateTime Due = new(2027, 3, 1, 9, 0, 0, DateTimeKind.Utc);

    public async Task<IReadOnlyList<InstancesRow>> RunAsync(string? postgresServer, CancellationToken ct)
    {
        var rows = new List<InstancesRow>();
        foreach (var instances in new[] { 1, 2 })
        {
            var folder = Directory.CreateTempSubdirectory("consultancy-instances-bench-");
            try
            {
                rows.Add(await RunAsync("SQLite", instances, new Dictionary<string, string?>
                {
                    ["ConnectionStrings:Default"] = $"Data Source={Path.Combine(folder.FullName, "shared.db")}",
                }, ct));
            }
            finally
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                folder.Delete(recursive: true);
            }
            if (postgresServer is null) continue;
            var name = $"consultancy_bench_{Guid.NewGuid():N}";
            try
            {
                rows.Add(await RunAsync("PostgreSQL", instances, new Dictionary<string, string?>
                {
                    ["Database:Provider"] = "PostgreSql",
                    ["ConnectionStrings:Default"] = new NpgsqlConnectionStringBuilder(postgresServer) { Database = name }.ConnectionString,
                }, ct));
            }
            finally
            {
                NpgsqlConnection.ClearAllPools();
                await using var connection = new NpgsqlConnection(postgresServer);
                await connection.OpenAsync(ct);
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
                await drop.ExecuteNonQueryAsync(ct);
            }
        }
        return rows;
    }

    private async Task<InstancesRow> RunAsync(string store, int instances, IReadOnlyDictionary<string, string?> database, CancellationToken ct)
    {
        await using var sink = new SmtpSink();
        var apps = new List<BenchmarkApp>();
        try
        {
            for (var i = 0; i < instances; i++)
                apps.Add(await BenchmarkApp.StartAsync(new AppSetup(SmtpPort: sink.Port, Database: database), ct));
            var consultant = await apps[0].CreateConsultantAsync(ct);
            foreach (var app in apps) app.Clock.MoveTo(Due.AddDays(-1));
            await apps[0].SeedAsync(consultant, messages, 1, DateOnly.FromDateTime(Due).AddDays(7), new ReminderOffsets([7]), plan: true, ct);
            foreach (var app in apps) app.Clock.MoveTo(Due);

            var received = sink.Received;
            var started = Stopwatch.GetTimestamp();
            var results = await Task.WhenAll(apps.Select(app => Task.Run(() => app.DispatchAsync(ct), ct)));
            var elapsed = Stopwatch.GetElapsedTime(started);

            if (results.Sum(r => r.Sent) != messages || sink.Received - received != messages)
                throw new InvalidOperationException($"{store}, {instances} instance(s): sent {results.Sum(r => r.Sent)}, the sink got " +
                    $"{sink.Received - received}; expected {messages} each.");
            return new InstancesRow(store, instances, messages, elapsed, results.Select(r => r.Sent).ToList());
        }
        finally
        {
            foreach (var app in apps) await app.DisposeAsync();
        }
    }
}
