using System.Globalization;
using System.Net;
using System.Text;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using Consultancy.Application.Outbox;

namespace Consultancy.Application.Dashboard;

/// <summary>
/// The daily digest's words: the consultant's calls of today, overdue and due-soon deadlines and letters waiting,
/// each with a link into the app, times in the consultant's own zone. It is written when it is queued
/// (<see cref="QueueDailyDigests"/>) and goes out as written.
/// </summary>
public sealed class DigestEmail(IAppLinks links) : FixedEmail
{
    public override OutboxKind Kind => OutboxKind.Digest;

    public (string Subject, string Text, string Html) Render(string displayName, TimeZoneInfo zone, DashboardModel day)
    {
        var date = day.Today.ToString("dddd d MMMM", CultureInfo.InvariantCulture);
        var calls = day.TodaysCalls(zone).ToList();
        var subject = $"Your day, {date}: {Count(day.CallsToday, "call")}, {day.Overdue.TotalText} overdue, {Count(day.LettersWaiting.TotalCount, "letter")} waiting";

        var sections = new List<Section>
        {
            new($"Today's calls ({day.CallsToday})", "/Calls", "No calls today.",
                calls.Select(c => new Line($"{Local(c.StartUtc, zone)} {c.ClientName}", $"/Calls/Details/{c.Id}")).ToList(), day.CallsToday),
            new($"Overdue deadlines ({day.Overdue.TotalText})", "/Deadlines?window=Overdue", "Nothing overdue.",
                day.Overdue.Items.Select(d => new Line($"{Date(d.DueDate)} {d.ClientName}: {d.Title}", $"/Clients/Details/{d.ClientId}#deadlines")).ToList(), day.Overdue.TotalCount, day.Overdue.CountedUpTo),
            new($"Due in the next 7 days ({day.DueSoon.TotalText})", "/Deadlines?window=ThisWeek", "Nothing due this week.",
                day.DueSoon.Items.Select(d => new Line($"{Date(d.DueDate)} {d.ClientName}: {d.Title}", $"/Clients/Details/{d.ClientId}#deadlines")).ToList(), day.DueSoon.TotalCount, day.DueSoon.CountedUpTo),
            new($"Letters waiting on referees ({day.LettersWaiting.TotalCount})", "/Letters", "No letters waiting.",
                day.LettersWaiting.Items.Select(l => new Line($"{l.ClientName}: {l.RefereeName}, due {Date(l.DueDate)}{(l.IsOverdueAt(day.NowUtc) ? " (overdue)" : "")}",
                    $"/Clients/Details/{l.ClientId}#letters")).ToList(), day.LettersWaiting.TotalCount),
        };

        var text = new StringBuilder($"Good morning {displayName},\n\nYour day, {date} ({zone.Id}).\n");
        var html = new StringBuilder($"<p>Good morning {Encode(displayName)},</p><p>Your day, {Encode(date)} ({Encode(zone.Id)}).</p>");
        foreach (var section in sections)
        {
            text.Append($"\n{section.Heading}\n");
            html.Append($"<h3><a href=\"{Encode(links.Absolute(section.ListPath))}\">{Encode(section.Heading)}</a></h3>");
            if (section.Lines.Count == 0)
            {
                text.Append($"  {section.Empty}\n");
                html.Append($"<p>{Encode(section.Empty)}</p>");
                continue;
            }
            html.Append("<ul>");
            foreach (var line in section.Lines)
            {
                text.Append($"  - {line.Text}\n    {links.Absolute(line.Path)}\n");
                html.Append($"<li><a href=\"{Encode(links.Absolute(line.Path))}\">{Encode(line.Text)}</a></li>");
            }
            html.Append("</ul>");
            if (section.Total > section.Lines.Count)
            {
                text.Append($"  {section.More}: {links.Absolute(section.ListPath)}\n");
                html.Append($"<p><a href=\"{Encode(links.Absolute(section.ListPath))}\">{Encode(section.More)}</a></p>");
            }
        }
        text.Append($"\nYour dashboard: {links.Absolute("/")}\nTurn this email off in your profile: {links.Absolute("/Profile/Edit")}\n");
        html.Append($"<p><a href=\"{Encode(links.Absolute("/"))}\">Open your dashboard</a> · <a href=\"{Encode(links.Absolute("/Profile/Edit"))}\">Turn this email off in your profile</a></p>");
        return (subject, text.ToString(), html.ToString());
    }

    private sealed record Section(string Heading, string ListPath, string Empty, IReadOnlyList<Line> Lines, int Total, bool CountedUpTo = false)
    {
        public string More => $"and {Total - Lines.Count}{(CountedUpTo ? "+" : "")} more";
    }

    private sealed record Line(string Text, string Path);

    private static string Count(int count, string noun) => $"{count} {noun}{(count == 1 ? "" : "s")}";

    private static string Local(DateTime utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone).ToString("HH:mm", CultureInfo.InvariantCulture);

    private static string Date(DateOnly date) => date.ToString("d MMM", CultureInfo.InvariantCulture);

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
