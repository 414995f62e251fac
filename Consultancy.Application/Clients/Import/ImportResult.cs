using CsvHelper;

namespace Consultancy.Application.Clients.Import;

/// <summary>What an import did, and the rows it skipped.</summary>
public sealed record ImportResult(int Added, int Updated, int Unchanged, RejectedRows Rejected);

/// <summary>A row an import skipped: its place in the file, its cells as uploaded, and why it was not imported.</summary>
public sealed record RejectedRow(int RowNumber, IReadOnlyList<string> Cells, IReadOnlyList<string> Errors);

/// <summary>
/// The rows an import skipped, as a file to correct and import again: the uploaded file's columns as they were, and a
/// last column <see cref="WhyHeader"/> with the reasons, which an import reads past.
/// </summary>
public sealed record RejectedRows(IReadOnlyList<string> Headers, IReadOnlyList<RejectedRow> Rows)
{
    public const string WhyHeader = "Why";

    public static bool IsWhy(string header) => string.Equals(header.Trim(), WhyHeader, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Writes the header row and the rows, each with its reasons last. A file of rejected rows imported and rejected again
    /// gets its new reasons in place of the old ones. Cells a spreadsheet would run as a formula get a leading apostrophe,
    /// as in an export; the import removes it.
    /// </summary>
    public async Task WriteAsync(Stream output, CancellationToken ct)
    {
        var kept = Headers.Select((header, index) => (header, index)).Where(h => !IsWhy(h.header)).Select(h => h.index).ToList();
        await using var csv = CsvWriter.Create(output, ClientCsv.WriterOptions, leaveOpen: true);
        csv.WriteHeader(kept.Select(i => Headers[i]).Append(WhyHeader).ToArray());
        foreach (var row in Rows)
        {
            foreach (var index in kept) csv.WriteField(index < row.Cells.Count ? row.Cells[index] : "");
            csv.WriteField(string.Join(" ", row.Errors));
            await csv.EndRecordAsync(ct);
        }
        await csv.FlushAsync(ct);
    }
}
