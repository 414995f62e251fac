using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;

namespace Consultancy.Tests.Support;

/// <summary>
/// A hash of every row of every table of the app's database (<see cref="DatabaseRows"/>: its SQLite file or its
/// PostgreSQL database), so a test can tell whether a request wrote anything at all.
/// </summary>
public static class DatabaseFingerprint
{
    /// <summary>Table name → row count and a hash of its rows.</summary>
    public static IReadOnlyDictionary<string, string> Take(IConfiguration appConfiguration, params string[] ignoredTables)
    {
        var fingerprint = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (table, rows) in DatabaseRows.Read(appConfiguration).Where(t => !ignoredTables.Contains(t.Key)))
        {
            // Rows are compared as a set: some tables have no key to order by.
            var rowHashes = rows.Select(row => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(row)))).ToList();
            rowHashes.Sort(StringComparer.Ordinal);
            var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Concat(rowHashes))));
            fingerprint[table] = $"{rowHashes.Count} rows {hash[..16]}";
        }
        return fingerprint;
    }

    /// <summary>The tables whose rows differ, for a failure message.</summary>
    public static string Difference(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after) =>
        string.Join(", ", before.Keys.Union(after.Keys).Where(t => before.GetValueOrDefault(t) != after.GetValueOrDefault(t))
            .Select(t => $"{t}: {before.GetValueOrDefault(t) ?? "-"} → {after.GetValueOrDefault(t) ?? "-"}"));
}
