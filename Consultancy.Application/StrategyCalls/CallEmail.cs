using System.Globalization;
using System.Net;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Common.Mapping;
using Consultancy.Application.Domain;

namespace Consultancy.Application.StrategyCalls;

/// <summary>
/// Writes a call's emails from the call as it is at send time: the applicant's invite (confirmation, update
/// or cancellation, with the .ics and a fresh manage link), the consultant's notice, and the reminders.
/// </summary>
public sealed class CallEmail(IBookingLinks links, TimeProvider clock)
{
    public static bool IsAboutCall(OutboxMessage message) =>
        message.Kind is OutboxKind.CallInvite or OutboxKind.CallNotice or OutboxKind.CallReminder;

    /// <summary>Why this call email must not go out now, or null when it should.</summary>
    public string? WhyNotSend(OutboxMessage message)
    {
        var call = message.StrategyCall;
        if (call is null) return "the call was deleted";
        if (message.Kind == OutboxKind.CallReminder)
            return call.Status switch
            {
                CallStatus.Cancelled => "the call was cancelled",
                not CallStatus.Booked => "the call already took place",
                _ when call.StartUtc <= clock.GetUtcNow().UtcDateTime => "the call has already started",
                _ => null,
            };
        // A later version of the booking has its own message; sending this one would show a stale time.
        return VersionOf(message) < call.Sequence ? "a newer version of the booking replaces it" : null;
    }

    public EmailMessage Render(OutboxMessage message)
    {
        var call = message.StrategyCall ?? throw new InvalidOperationException("A call email needs its call.");
        var client = call.Client ?? throw new InvalidOperationException("A call email needs its client.");
        var consultant = call.Consultant ?? throw new InvalidOperationException("A call email needs its consultant.");
        var manageUrl = links.ManageUrl(links.ManageToken(call.Id, CallEmailPlanner.ManageLinkExpiry(call)));
        var key = $"outbox-{message.Id}";
        return message.Kind switch
        {
            OutboxKind.CallInvite => Invite(call, client, consultant, manageUrl, key),
            OutboxKind.CallNotice => Notice(call, client, consultant, message.Recipient, key),
            _ => Reminder(call, client, consultant, manageUrl, key),
        };
    }

    private EmailMessage Invite(StrategyCall call, Client client, UserProfile consultant, string manageUrl, string key)
    {
        var when = When(call, client.TimeZoneId);
        var invite = CallInvites.For(call, client, consultant, manageUrl, clock.GetUtcNow().UtcDateTime);
        var (subject, opening) = (call.Status, call.Sequence) switch
        {
            (CallStatus.Cancelled, _) => ($"Cancelled: your strategy call on {when}", $"Your free strategy call with {consultant.DisplayName} on {when} is cancelled."),
            (_, 0) => ($"Confirmed: your free strategy call on {when}", $"Your free strategy call with {consultant.DisplayName} is booked for {when}."),
            _ => ($"New time: your strategy call on {when}", $"Your free strategy call with {consultant.DisplayName} has moved to {when}."),
        };
        var cancelled = call.Status == CallStatus.Cancelled;
        var text = $"""
            Dear {client.FirstName},

            {opening}
            {(cancelled ? "\nYou can book a new call whenever you like." : Joining(call))}
            {(cancelled ? "" : $"\nNeed to cancel or pick another time? {manageUrl}\n")}
            {consultant.DisplayName}
            """;
        var html = $"""
            <p>Dear {Encode(client.FirstName)},</p>
            <p>{Encode(opening)}</p>
            {(cancelled ? "<p>You can book a new call whenever you like.</p>" : JoiningHtml(call))}
            {(cancelled ? "" : $"<p>Need to cancel or pick another time? <a href=\"{Encode(manageUrl)}\">Manage your call</a>.</p>")}
            <p>{Encode(consultant.DisplayName)}</p>
            """;
        return new EmailMessage(client.Email, subject, text, html, consultant.Email, key, Calendar: invite);
    }

    private EmailMessage Notice(StrategyCall call, Client client, UserProfile consultant, string recipient, string key)
    {
        var when = When(call, consultant.TimeZoneId);
        var what = call.Status == CallStatus.Cancelled ? "Cancelled" : call.Sequence == 0 ? "New strategy call" : "Moved";
        var subject = $"{what}: {client.FullName}, {when}";
        var details = $"""
            Applicant: {client.FullName} <{client.Email}>{(client.Phone is null ? "" : $", {client.Phone}")}
            Applying to: {client.TargetSystem.DisplayName()}
            Medical school country: {client.MedicalSchoolCountry ?? "—"}; graduation year: {client.GraduationYear?.ToString(CultureInfo.InvariantCulture) ?? "—"}
            Wants help with: {call.Topic ?? "—"}
            """;
        var callUrl = links.StaffCallUrl(call.Id);
        var text = $"""
            {what}: {when}.

            {details}

            Open the call: {callUrl}
            """;
        var html = $"""
            <p><strong>{Encode(what)}</strong>: {Encode(when)}.</p>
            <pre style="font-family:inherit;white-space:pre-wrap">{Encode(details)}</pre>
            <p><a href="{Encode(callUrl)}">Open the call</a></p>
            """;
        var invite = CallInvites.For(call, client, consultant, null, clock.GetUtcNow().UtcDateTime);
        return new EmailMessage(recipient, subject, text, html, client.Email, key, Calendar: invite);
    }

    private EmailMessage Reminder(StrategyCall call, Client client, UserProfile consultant, string manageUrl, string key)
    {
        var when = When(call, client.TimeZoneId);
        var untilStart = call.StartUtc - clock.GetUtcNow().UtcDateTime;
        var soon = untilStart <= TimeSpan.FromHours(2) ? "starts soon" : "is tomorrow";
        var subject = $"Reminder: your strategy call {soon} ({when})";
        var text = $"""
            Dear {client.FirstName},

            Your free strategy call with {consultant.DisplayName} {soon}: {when}.
            {Joining(call)}

            Can't make it? Cancel or pick another time: {manageUrl}

            {consultant.DisplayName}
            """;
        var html = $"""
            <p>Dear {Encode(client.FirstName)},</p>
            <p>Your free strategy call with {Encode(consultant.DisplayName)} {soon}: <strong>{Encode(when)}</strong>.</p>
            {JoiningHtml(call)}
            <p>Can't make it? <a href="{Encode(manageUrl)}">Cancel or pick another time</a>.</p>
            <p>{Encode(consultant.DisplayName)}</p>
            """;
        return new EmailMessage(client.Email, subject, text, html, consultant.Email, key);
    }

    /// <summary>The sequence an invite or notice was planned for, from its key ("call:12:invite:2").</summary>
    private static int VersionOf(OutboxMessage message) =>
        int.TryParse(message.DedupKey.Split(':')[^1], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence) ? sequence : 0;

    private static string When(StrategyCall call, string timeZoneId)
    {
        var zone = TimeZones.Find(timeZoneId);
        var local = TimeZoneInfo.ConvertTimeFromUtc(call.StartUtc, zone);
        return local.ToString("ddd d MMM yyyy, HH:mm", CultureInfo.InvariantCulture) + $" ({zone.Id})";
    }

    private static string Joining(StrategyCall call) =>
        call.MeetingLink is null ? "Your advisor will send you the meeting details." : $"\nJoin the call here: {call.MeetingLink}";

    private static string JoiningHtml(StrategyCall call) =>
        call.MeetingLink is null ? "<p>Your advisor will send you the meeting details.</p>"
            : $"<p>Join the call here: <a href=\"{Encode(call.MeetingLink)}\">{Encode(call.MeetingLink)}</a></p>";

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
