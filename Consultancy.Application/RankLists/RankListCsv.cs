using System.Globalization;
using Consultancy.Application.Clients;
using Consultancy.Application.Common.Mapping;
using CsvHelper;

namespace Consultancy.Application.RankLists;

/// <summary>A rank order list as CSV, first choice first, as the applicant enters it in the matching system.</summary>
public static class RankListCsv
{
    public static readonly string[] Headers =
        ["Rank", "Program", "Institution", "Specialty", "City", "State or province", "Identifier", "Status", "Weighted score", "Fit"];

    public static async Task WriteAsync(Stream output, RankListPage list, CancellationToken ct)
    {
        await using var csv = CsvWriter.Create(output, ClientCsv.WriterOptions, leaveOpen: true);
        csv.WriteHeader(Headers);
        foreach (var entry in list.Ranked)
        {
            var a = entry.Application;
            csv.WriteField(entry.Position.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(a.ProgramName);
            csv.WriteField(a.Institution);
            csv.WriteField(a.Specialty);
            csv.WriteField(a.City);
            csv.WriteField(a.StateOrProvince);
            csv.WriteField(a.Identifier);
            csv.WriteField(a.Status.DisplayName());
            csv.WriteField(a.WeightedScore?.ToString("0.00", CultureInfo.InvariantCulture));
            csv.WriteField(a.Fit.Overall.DisplayName());
            await csv.EndRecordAsync(ct);
        }
        await csv.FlushAsync(ct);
    }
}
