using System.Globalization;
using Consultancy.Application.Clients;
using Consultancy.Application.Common.Mapping;
using Consultancy.Application.Domain;
using CsvHelper;

namespace Consultancy.Application.Deadlines;

/// <summary>A client's deadlines as CSV: one record per deadline, dates in the client's own time zone.</summary>
public static class DeadlineCsv
{
    public static readonly string[] Headers =
        ["Title", "Category", "Due date", "Due time", "Time zone", "Status", "Overdue", "Reminders before", "Notes"];

    public static async Task WriteAsync(Stream output, string timeZoneId, IEnumerable<ClientDeadline> deadlines, CancellationToken ct)
    {
        await using var csv = CsvWriter.Create(output, ClientCsv.WriterOptions, leaveOpen: true);
        csv.WriteHeader(Headers);
        foreach (var deadline in deadlines)
        {
            csv.WriteField(deadline.Title);
            csv.WriteField(deadline.Category.DisplayName());
            csv.WriteField(deadline.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            csv.WriteField(deadline.DueTime?.ToString("HH:mm", CultureInfo.InvariantCulture));
            csv.WriteField(timeZoneId);
            csv.WriteField(deadline.Status.DisplayName());
            csv.WriteField(deadline.IsOverdue ? "Yes" : "No");
            csv.WriteField(string.Join(" ", new ReminderOffsets(deadline.Reminders.Where(r => r.Offset is not null).Select(r => r.Offset!.Value)).Items));
            csv.WriteField(deadline.Notes);
            await csv.EndRecordAsync(ct);
        }
        await csv.FlushAsync(ct);
    }
}
