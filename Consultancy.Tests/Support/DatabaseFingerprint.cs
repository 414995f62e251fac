using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Consultancy.Tests.Support;

/// <summary>
/// A hash of every row of every table, read with raw SQL through a fresh connection (past the app, its
/// caches and its query filters), so a test can tell whether a request wrote anything at all.
/// </summary>
public static class DatabaseFingerprint
{
    /// <summary>Table name → row count and a hash of its rows.</summary>
    public static IReadOnlyDictionary<string, string> Take(string databasePath, params string[] ignoredTables)
    {
        using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        var tables = new List<string>();
        using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
            using var reader = list.ExecuteReader();
            while (reader.Read()) tables.Add(reader.GetString(0));
        }

        var fingerprint = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var table in tables.Except(ignoredTables))
        {
            using var rows = connection.CreateCommand();
            rows.CommandText = $"SELECT * FROM \"{table}\"";
            using var reader = rows.ExecuteReader();
            // Rows are compared as a set: some tables have no rowid to order by.
            var rowHashes = new List<string>();
            while (reader.Read())
            {
                var row = new StringBuilder();
                for (var i = 0; i < reader.FieldCount; i++)
                    row.Append(reader.IsDBNull(i) ? "\u2400" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)).Append('\u241F');
                rowHashes.Add(Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(row.ToString()))));
            }
            rowHashes.Sort(StringComparer.Ordinal);
            var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Concat(rowHashes))));
            var count = rowHashes.Count;
            fingerprint[table] = $"{count} rows {hash[..16]}";
        }
        return fingerprint;
    }

    /// <summary>The tables whose rows differ, for a failure message.</summary>
    public static string Difference(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after) =>
        string.Join(", ", before.Keys.Union(after.Keys).Where(t => before.GetValueOrDefault(t) != after.GetValueOrDefault(t))
            .Select(t => $"{t}: {before.GetValueOrDefault(t) ?? "-"} → {after.GetValueOrDefault(t) ?? "-"}"));
}
