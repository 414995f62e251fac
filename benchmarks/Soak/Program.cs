using System.Diagnostics;
using System.Globalization;
using System.Text;
using Consultancy.Benchmarks.Reminders.Smtp;
using Consultancy.Benchmarks.Soak;
using Microsoft.Data.Sqlite;

// Usage: Soak <published app folder> <seeded database> <report file> [minutes, default 30] [accounts] [password]
// Runs the app for the given time under mixed traffic from several signed-in users with reminders flowing to a
// loopback SMTP server, then checks that every due reminder went out once and reports errors, latency and memory.
if (args.Length < 3)
{
    Console.Error.WriteLine("Usage: Soak <published app folder> <seeded database> <report file> [minutes] [account,account,...] [password]");
    return 2;
}
var appDirectory = Path.GetFullPath(args[0]);
var databasePath = Path.GetFullPath(args[1]);
var reportPath = Path.GetFullPath(args[2]);
var minutes = args.Length > 3 ? double.Parse(args[3], CultureInfo.InvariantCulture) : 30;
var accounts = args.Length > 4 ? args[4].Split(',') : ["admin@bench.local", "consultant1@example.com", "consultant2@example.com"];
var password = args.Length > 5 ? args[5] : "Bench-Pass-2027!";
const int sessionsPerAccount = 2;
var pause = TimeSpan.FromMilliseconds(250);
// Reminders go out at the send hour in each applicant's zone. Set a few minutes ahead, the first applicants'
// reminders (in the zone on UTC) fall due early in the run; later ones wait for the next zone's send hour.
var startsAt = DateTime.UtcNow.AddMinutes(4);
var sendHour = new TimeOnly(startsAt.Hour, startsAt.Minute);
var dispatchSeconds = 5;

await using var sink = new SmtpSink();
var baseline = await OutboxCountsAsync(databasePath, DateTime.MaxValue);
var appLog = Path.ChangeExtension(reportPath, ".app-log.txt");
var app = await AppProcess.StartAsync(appDirectory, databasePath, sink.Port, appLog, new Dictionary<string, string>
{
    ["Reminders:SendHour"] = sendHour.ToString("HH:mm", CultureInfo.InvariantCulture),
    ["Outbox:DispatchIntervalSeconds"] = dispatchSeconds.ToString(CultureInfo.InvariantCulture),
    // Every virtual user comes from loopback; the per-IP limits are for the public internet.
    ["RateLimits:SignIn:PermitLimit"] = "100000",
    ["RateLimits:PublicLinks:PermitLimit"] = "100000",
});
Console.WriteLine($"App at {app.BaseUrl}; mail to 127.0.0.1:{sink.Port}; running {minutes} minutes with {accounts.Length * sessionsPerAccount} users.");

var tally = new SoakTally();
var users = accounts.SelectMany(account => Enumerable.Range(0, sessionsPerAccount).Select(n =>
    new VirtualUser(app.BaseUrl, account, password, tally, sendHour, new Random(HashCode.Combine(account, n))))).ToList();
try
{
    await Task.WhenAll(users.Select(user => user.SignInAsync()));
}
catch (InvalidOperationException e)
{
    Console.Error.WriteLine($"{e.Message} {string.Join(" ", tally.FirstErrors)}");
    await app.DisposeAsync();
    return 1;
}
var started = DateTime.UtcNow;
var memory = new List<(TimeSpan At, double MiB, int Emails)> { (TimeSpan.Zero, app.WorkingSetMiB(), 0) };
using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(minutes));
var running = users.Select(user => user.RunAsync(pause, stop.Token)).ToList();
var clock = Stopwatch.StartNew();
while (!stop.IsCancellationRequested && !app.HasExited)
{
    try { await Task.Delay(TimeSpan.FromSeconds(30), stop.Token); }
    catch (OperationCanceledException) { }
    memory.Add((clock.Elapsed, app.WorkingSetMiB(), sink.Received));
    Console.WriteLine($"{clock.Elapsed:hh\\:mm\\:ss}  requests {tally.RequestCount,7}  errors {tally.ErrorCount,3}  emails {sink.Received,5}  working set {memory[^1].MiB,6:F0} MiB");
}
await Task.WhenAll(running);
var trafficEnded = DateTime.UtcNow;

// Reminders due before the traffic stopped must all go out; give the dispatcher a few of its runs to finish.
var settle = Stopwatch.StartNew();
var final = await OutboxCountsAsync(databasePath, trafficEnded);
while (final.PendingDue > 0 && settle.Elapsed < TimeSpan.FromMinutes(3) && !app.HasExited)
{
    await Task.Delay(TimeSpan.FromSeconds(dispatchSeconds));
    final = await OutboxCountsAsync(databasePath, trafficEnded);
}
var appAlive = !app.HasExited;
await app.DisposeAsync();
final = await OutboxCountsAsync(databasePath, trafficEnded);

var plannedDue = tally.RemindersDue.Count(due => due <= trafficEnded);
var sentDuringRun = final.Sent - baseline.Sent;
var failedDuringRun = final.Failed - baseline.Failed;
var warm = memory.FirstOrDefault(m => m.At >= TimeSpan.FromMinutes(Math.Min(2, minutes / 4)), memory[^1]);
var growth = memory[^1].MiB / warm.MiB - 1;
var problems = new List<string>();
if (!appAlive) problems.Add("the app exited during the run");
if (tally.ErrorCount > 0) problems.Add($"{tally.ErrorCount} requests had a wrong answer");
if (final.PendingDue > 0) problems.Add($"{final.PendingDue} emails due before the end were still pending");
if (failedDuringRun > 0) problems.Add($"{failedDuringRun} emails failed");
if (sink.Received != sentDuringRun) problems.Add($"the SMTP server received {sink.Received} emails but the outbox recorded {sentDuringRun} sends");
if (final.SoakRemindersSent != plannedDue) problems.Add($"{plannedDue} reminders of new applicants fell due but {final.SoakRemindersSent} were sent");
if (final.SoakLetterRequestsSent != tally.LetterRequests) problems.Add($"{tally.LetterRequests} letter requests were sent from the app but {final.SoakLetterRequestsSent} emails went out");

var report = new StringBuilder();
report.AppendLine($"# Soak run, {started:yyyy-MM-dd HH:mm} UTC, {minutes} minutes");
report.AppendLine();
report.AppendLine(problems.Count == 0 ? "**Result: no error.**" : $"**Result: {string.Join("; ", problems)}.**");
report.AppendLine();
report.AppendLine($"{accounts.Length * sessionsPerAccount} signed-in users ({string.Join(", ", accounts)}, {sessionsPerAccount} sessions each), " +
    $"{pause.TotalMilliseconds:F0} ms between steps; Release build, Production environment; reminders sent at {sendHour:HH:mm} in each applicant's zone; " +
    $"the outbox dispatched every {dispatchSeconds} s to a loopback SMTP server.");
report.AppendLine();
report.AppendLine("| Step | Requests | Wrong answers | p50 (ms) | p99 (ms) |");
report.AppendLine("| --- | ---: | ---: | ---: | ---: |");
foreach (var (kind, count, errors, p50, p99) in tally.ByKind())
    report.AppendLine(CultureInfo.InvariantCulture, $"| {kind} | {count:N0} | {errors} | {p50:F1} | {p99:F1} |");
report.AppendLine(CultureInfo.InvariantCulture, $"| **all** | **{tally.RequestCount:N0}** | **{tally.ErrorCount}** | | |");
report.AppendLine();
report.AppendLine("| Email | Count |");
report.AppendLine("| --- | ---: |");
report.AppendLine($"| received by the SMTP server | {sink.Received:N0} |");
report.AppendLine($"| recorded as sent in the outbox during the run | {sentDuringRun:N0} |");
report.AppendLine($"| reminders of applicants added during the run that fell due before its end | {plannedDue:N0} |");
report.AppendLine($"| ... of which sent | {final.SoakRemindersSent:N0} |");
report.AppendLine($"| letter requests sent to referees from the client page | {tally.LetterRequests:N0} |");
report.AppendLine($"| ... of which emailed | {final.SoakLetterRequestsSent:N0} |");
report.AppendLine($"| failed during the run | {failedDuringRun:N0} |");
report.AppendLine($"| due before the end and still pending | {final.PendingDue:N0} |");
report.AppendLine();
report.AppendLine(CultureInfo.InvariantCulture, $"Working set of the app process: {memory[0].MiB:F0} MiB at start, {warm.MiB:F0} MiB after warm-up ({warm.At:mm\\:ss}), " +
    $"{memory[^1].MiB:F0} MiB at the end ({growth:+0%;-0%} since warm-up), {memory.Max(m => m.MiB):F0} MiB at most.");
report.AppendLine();
report.AppendLine("| Elapsed | Working set (MiB) | Emails received so far |");
report.AppendLine("| --- | ---: | ---: |");
foreach (var (at, mib, emails) in memory.Where((_, i) => i % 6 == 0 || i == memory.Count - 1))
    report.AppendLine(CultureInfo.InvariantCulture, $"| {at:hh\\:mm\\:ss} | {mib:F0} | {emails:N0} |");
if (tally.FirstErrors.Count > 0)
{
    report.AppendLine();
    report.AppendLine("First wrong answers:");
    foreach (var error in tally.FirstErrors) report.AppendLine($"- {error}");
}
await File.WriteAllTextAsync(reportPath, report.ToString());
Console.WriteLine();
Console.WriteLine(report);
return problems.Count == 0 ? 0 : 1;

// Outbox figures read straight from the database file, as an operator would check them.
static async Task<(long Sent, long Failed, long PendingDue, long SoakRemindersSent, long SoakLetterRequestsSent)> OutboxCountsAsync(string databasePath, DateTime dueBy)
{
    await using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
    await connection.OpenAsync();
    await using var command = connection.CreateCommand();
    command.CommandText = """
        SELECT
          (SELECT COUNT(*) FROM OutboxMessages WHERE Status = 1),
          (SELECT COUNT(*) FROM OutboxMessages WHERE Status = 2),
          (SELECT COUNT(*) FROM OutboxMessages WHERE Status = 0 AND DueAt <= $dueBy),
          (SELECT COUNT(*) FROM OutboxMessages WHERE Status = 1 AND Kind = 0 AND Recipient LIKE 'soak.applicant.%'),
          (SELECT COUNT(*) FROM OutboxMessages WHERE Status = 1 AND Kind = 10 AND Recipient LIKE 'soak.referee.%')
        """;
    command.Parameters.AddWithValue("$dueBy", dueBy == DateTime.MaxValue ? "9999-12-31" : dueBy.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture));
    await using var reader = await command.ExecuteReaderAsync();
    await reader.ReadAsync();
    return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4));
}
