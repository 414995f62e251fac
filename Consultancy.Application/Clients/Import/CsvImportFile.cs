using System.Text;
using Consultancy.Application.Common.Exceptions;
using CsvHelper;

namespace Consultancy.Application.Clients.Import;

/// <summary>A column of an import file: its header, and whether a file must have it.</summary>
public interface ICsvColumn
{
    string Header { get; }
    bool Required { get; }
}

/// <summary>An import file as read: its header row as written, the known columns in it, and the cells of each record.</summary>
internal sealed record CsvImportContent<TColumn>(IReadOnlyList<string> Headers, IReadOnlyList<(TColumn Column, int Index)> Columns, List<string[]> Records);

/// <summary>Reading an import file (clients or programs) into its columns and records, refusing a file that is not one.</summary>
internal static class CsvImportFile
{
    /// <summary>
    /// The file's header row as written, its columns (matched to <paramref name="known"/> by their headers, ignoring case)
    /// and its records, each a cell per column of the file. The <see cref="RejectedRows.WhyHeader"/> column of a file of
    /// rejected rows is read past, so that file imports again once corrected. A file that is not UTF-8 CSV text, or whose
    /// header row is not the documented one, is refused whole; so is one with no record or more than <paramref name="maxRows"/>,
    /// which says so in <paramref name="records"/>.
    /// </summary>
    public static CsvImportContent<TColumn> Read<TColumn>(Stream csv, IReadOnlyList<TColumn> known, int maxRows, string records)
        where TColumn : ICsvColumn
    {
        using var buffer = new MemoryStream();
        csv.CopyTo(buffer);
        var bytes = buffer.ToArray();
        if (bytes.Length == 0 || bytes.All(b => b is (byte)' ' or (byte)'\r' or (byte)'\n' or (byte)'\t'))
            throw new ValidationException(ImportClients.FileField, "The file is empty. Start from the template: its first row names the columns.");
        if (bytes.AsSpan(0, Math.Min(bytes.Length, 8192)).Contains((byte)0) || !IsUtf8(bytes))
            throw new ValidationException(ImportClients.FileField, "This is not a CSV text file. Save the spreadsheet as “CSV UTF-8 (comma delimited)” and upload that.");

        using var reader = CsvReader.Create(bytes, CsvReaderOptions.Default with
        {
            Separator = ',', TrimWhitespace = true, AllowLineBreaksInQuotes = true, SkipEmptyLines = true,
        });
        reader.ReadHeader();
        var headers = reader.Headers.Select(h => h.Trim()).ToList();
        var byHeader = known.ToDictionary(c => c.Header, StringComparer.OrdinalIgnoreCase);
        var unknown = headers.Where(h => h.Length > 0 && !byHeader.ContainsKey(h) && !RejectedRows.IsWhy(h)).ToList();
        var missing = known.Where(c => c.Required && !headers.Contains(c.Header, StringComparer.OrdinalIgnoreCase)).Select(c => c.Header).ToList();
        var repeated = headers.GroupBy(h => h, StringComparer.OrdinalIgnoreCase).Where(g => g.Key.Length > 0 && g.Count() > 1).Select(g => g.Key).ToList();
        if (missing.Count > 0 || unknown.Count > 0 || repeated.Count > 0)
        {
            var problems = new List<string>();
            if (missing.Count > 0) problems.Add($"missing column{(missing.Count > 1 ? "s" : "")} {Quoted(missing)}");
            if (unknown.Count > 0) problems.Add($"unknown column{(unknown.Count > 1 ? "s" : "")} {Quoted(unknown)}");
            if (repeated.Count > 0) problems.Add($"repeated column{(repeated.Count > 1 ? "s" : "")} {Quoted(repeated)}");
            throw new ValidationException(ImportClients.FileField,
                $"The first row must name the template's columns: {string.Join("; ", problems)}. Download the template to see them.");
        }

        var columns = headers.Select((h, i) => (Header: h, Index: i)).Where(h => h.Header.Length > 0 && !RejectedRows.IsWhy(h.Header))
            .Select(h => (byHeader[h.Header], h.Index)).ToList();
        var rows = new List<string[]>();
        while (reader.Read())
        {
            if (rows.Count == maxRows)
                throw new ValidationException(ImportClients.FileField, $"The file has more than {maxRows:N0} {records}. Split it into smaller files.");
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(reader.GetString).ToArray());
        }
        if (rows.Count == 0)
            throw new ValidationException(ImportClients.FileField, $"The file has its header row but no {records} under it.");
        return new CsvImportContent<TColumn>(headers, columns, rows);
    }

    private static string Quoted(IEnumerable<string> names) => string.Join(", ", names.Select(n => $"“{n}”"));

    private static bool IsUtf8(byte[] bytes)
    {
        try
        {
            _ = new UTF8Encoding(false, true).GetCharCount(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
