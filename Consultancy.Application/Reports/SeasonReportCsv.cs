using System.Globalization;
using Consultancy.Application.Clients;
using CsvHelper;

namespace Consultancy.Application.Reports;

/// <summary>The Reports page's table as CSV: one row per consultant and the total row, the same figures as shown.</summary>
public static class SeasonReportCsv
{
    public static readonly string[] Headers =
        ["Season", "Consultant", "Clients", "Applied", "Invites", "Invites per application", "Interviews", "Ranked", "Matched", "Match rate"];

    public static async Task WriteAsync(Stream output, SeasonReport report, CancellationToken ct)
    {
        await using var csv = CsvWriter.Create(output, ClientCsv.WriterOptions, leaveOpen: true);
        csv.WriteHeader(Headers);
        foreach (var row in report.Rows.Append(report.Total))
        {
            csv.WriteField(report.Season?.Name);
            csv.WriteField(row.Consultant);
            foreach (var count in new[] { row.Clients, row.Applied, row.Invites })
                csv.WriteField(count.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(row.InvitesPerApplication);
            foreach (var count in new[] { row.Interviews, row.Ranked, row.Matched })
                csv.WriteField(count.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(row.MatchRate);
            await csv.EndRecordAsync(ct);
        }
        await csv.FlushAsync(ct);
    }
}
