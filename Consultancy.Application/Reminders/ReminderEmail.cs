using System.Globalization;
using System.Net;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using Consultancy.Application.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Application.Reminders;

/// <summary>
/// A deadline reminder to the applicant (queued by <see cref="ReminderPlanner"/>), written from the deadline and
/// client as they are at send time, with a one-click unsubscribe.
/// </summary>
public sealed class ReminderEmail(IReminderLinks links, TimeProvider clock) : OutboxEmail
{
    public override OutboxKind Kind => OutboxKind.Reminder;

    public override IQueryable<OutboxMessage> Including(IQueryable<OutboxMessage> messages) =>
        messages.Include(m => m.Deadline).Include(m => m.Client).ThenInclude(c => c!.Consultant);

    public override string? WhyNotSend(OutboxMessage message) => message switch
    {
        { Deadline: null } => "the deadline was deleted",
        { Deadline.Status: DeadlineStatus.Done } => "the deadline was completed",
        { Deadline.Status: DeadlineStatus.Cancelled } => "the deadline was cancelled",
        { ReminderOffset: { } offset } when !message.Deadline.ReminderOffsets.Contains(offset) => "its offset was removed",
        { Client.RemindersOptedOut: true } => "the client opted out of reminders",
        { Client.IsArchived: true } => "the client was archived",
        { Client.IsInEndStage: true } => ReminderPlanner.StageReason(message.Client.Stage),
        _ when message.Deadline.IsOverdue(clock.GetUtcNow().UtcDateTime) => "the deadline had already passed",
        _ => null,
    };

    public override EmailMessage Render(OutboxMessage message) =>
        Render(message, message.Deadline!, message.Client!, message.Client!.Consultant);

    /// <summary>Shown whole, as it would go out now.</summary>
    public override EmailMessage? Preview(OutboxMessage message) =>
        message is { Deadline: not null, Client: not null } ? Render(message) : null;

    public override AuditEntry TimelineEntry(OutboxMessage message, string recipient, DateTime sentAt) => new()
    {
        EntityType = "Reminder", EntityId = message.Id.ToString(), ClientId = message.ClientId, Action = AuditAction.Sent, At = sentAt,
        Changes = [new AuditFieldChange("Deadline", null, message.Deadline!.Title), new AuditFieldChange("Recipient", null, recipient)],
    };

    private EmailMessage Render(OutboxMessage message, Deadline deadline, Client client, UserProfile? consultant)
    {
        var zone = TimeZones.Find(client.TimeZoneId);
        var today = LocalTimes.Today(clock.GetUtcNow().UtcDateTime, zone);
        var daysLeft = deadline.DueDate.DayNumber - today.DayNumber;
        var due = deadline.DueDate.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture)
            + (deadline.DueTime is { } time ? $" at {time.ToString("HH:mm", CultureInfo.InvariantCulture)} ({zone.Id})" : "");
        var when = daysLeft switch
        {
            0 => "today",
            1 => "tomorrow",
            _ => $"in {daysLeft} days",
        };
        var unsubscribe = links.Unsubscribe(client.Id);
        var signature = consultant is null ? "Your advising team" : $"{consultant.DisplayName}\nYour advisor";

        var subject = $"Reminder: {deadline.Title} is due {when} ({deadline.DueDate.ToString("d MMM", CultureInfo.InvariantCulture)})";
        var text = $"""
            Dear {client.FirstName},

            This is a reminder that "{deadline.Title}" is due {when}, on {due}.
            {(deadline.Notes is null ? "" : $"\n{deadline.Notes}\n")}
            If it is already done, reply to this email and we will update your plan.

            {signature}

            --
            You receive these reminders because your advisor planned this deadline with you.
            Stop reminder emails: {unsubscribe}
            """;
        var html = $"""
            <p>Dear {Encode(client.FirstName)},</p>
            <p>This is a reminder that <strong>{Encode(deadline.Title)}</strong> is due {when}, on {Encode(due)}.</p>
            {(deadline.Notes is null ? "" : $"<p>{Encode(deadline.Notes)}</p>")}
            <p>If it is already done, reply to this email and we will update your plan.</p>
            <p>{Encode(signature).Replace("\n", "<br>")}</p>
            <hr>
            <p style="font-size:small;color:#555">You receive these reminders because your advisor planned this deadline with you.
            <a href="{Encode(unsubscribe)}">Stop reminder emails</a>.</p>
            """;

        return new EmailMessage(client.Email, subject, text, html, consultant?.Email, $"outbox-{message.Id}",
            new Dictionary<string, string>
            {
                ["List-Unsubscribe"] = $"<{unsubscribe}>",
                ["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click",
            });
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
