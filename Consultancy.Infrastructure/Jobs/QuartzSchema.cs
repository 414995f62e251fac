using System.Text.RegularExpressions;
using Quartz;

namespace Consultancy.Infrastructure.Jobs;

/// <summary>
/// The tables of Quartz's clustered job store on PostgreSQL. The app's migrations create them by running the script
/// the pinned Quartz package ships for its own schema provisioning, so the tables match the Quartz version in use.
/// That script only creates what is missing and never alters a table: a Quartz upgrade that changes its tables needs
/// a migration of its own.
/// </summary>
public static partial class QuartzSchema
{
    /// <summary>Quartz's default prefix; PostgreSQL folds the unquoted names to lower case.</summary>
    public const string TablePrefix = "qrtz_";

    private const string PostgreSqlScript = "Quartz.Impl.AdoJobStore.Schema.create_postgres.sql";

    public static readonly string[] Tables =
    [
        "execution_history", "misfire_history", "job_status", "fired_triggers", "paused_trigger_grps", "paused_job_grps",
        "scheduler_state", "locks", "simple_triggers", "cron_triggers", "simprop_triggers", "blob_triggers", "triggers",
        "calendars", "job_details",
    ];

    /// <summary>The script's statements with the table prefix filled in, each to be run as one command.</summary>
    public static IReadOnlyList<string> PostgreSqlStatements()
    {
        using var stream = typeof(IScheduler).Assembly.GetManifestResourceStream(PostgreSqlScript)
            ?? throw new InvalidOperationException($"The Quartz package carries no {PostgreSqlScript}.");
        using var reader = new StreamReader(stream);
        // Statements are separated by a line reading exactly "--;;"; {0} is the prefix, {1} the prefix without a schema.
        return StatementSeparator().Split(reader.ReadToEnd())
            .Select(statement => statement.Replace("{0}", TablePrefix).Replace("{1}", TablePrefix).Trim())
            .Where(statement => statement.Split('\n').Any(line => line.Trim() is { Length: > 0 } text && !text.StartsWith("--", StringComparison.Ordinal)))
            .ToList();
    }

    [GeneratedRegex(@"^--;;\s*$", RegexOptions.Multiline)]
    private static partial Regex StatementSeparator();
}
