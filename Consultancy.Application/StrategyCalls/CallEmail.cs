using System.Globalization;
using System.Net;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Common.Mapping;
using Consultancy.Application.Domain;
using Consultancy.Application.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Application.StrategyCalls;

/// <summary>
/// A call's emails (queued by <see cref="CallEmailPlanner"/>), written from the call as it is at send time: the
/// applicant's invite, the consultant's notice and the applicant's reminders.
/// </summary>
public abstract class CallEmail(IBookingLinks links, TimeProvider clock) : OutboxEmail
{
    protected TimeProvider Clock => clock;

    public sealed override IQueryable<OutboxMessage> Including(IQueryable<OutboxMessage> messages) =>
        messages.Include(m => m.StrategyCall).ThenInclude(c => c!.Client)
            .Include(m => m.StrategyCall).ThenInclude(c => c!.Consultant);

    public override string? WhyNotSend(OutboxMessage message)
    {
        var call = message.StrategyCall;
        if (call is null) return "the call was deleted";
        // A later version of the booking has its own message; sending this one would show a stale time.
        return VersionOf(message) < call.Sequence ? "a newer version of the booking replaces it" : null;
    }

    public sealed override EmailMessage Render(OutboxMessage message)
    {
        var call = message.StrategyCall ?? throw new InvalidOperationException("A call email needs its call.");
        var client = call.Client ?? throw new InvalidOperationException("A call email needs its client.");
        var consultant = call.Consultant ?? throw new InvalidOperationException("A call email needs its consultant.");
        return Render(message, call, client, consultant);
    }

    /// <summary>Hidden like other personal links: a call email's manage link lets its holder cancel the call.</summary>
    public sealed override EmailMessage? Preview(OutboxMessage message) => message.StrategyCall is null ? null : base.Preview(message);

    protected abstract EmailMessage Render(OutboxMessage message, StrategyCall call, Client client, UserProfile consultant);

    /// <summary>A fresh link for the applicant to cancel or move the call.</summary>
    protected string ManageUrl(StrategyCall call) => links.ManageUrl(links.ManageToken(call.Id, CallEmailPlanner.ManageLinkExpiry(call)));

    protected string StaffCallUrl(StrategyCall call) => links.StaffCallUrl(call.Id);

    /// <summary>The sequence an invite or notice was planned for, from its key ("call:12:invite:2").</summary>
    private static int VersionOf(OutboxMessage message) =>
        int.TryParse(message.DedupKey.Split(':')[^1], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence) ? sequence : 0;

    protected static string When(StrategyCall call, string timeZoneId)
    {
        var zone = TimeZones.Find(timeZoneId);
        var local = TimeZoneInfo.ConvertTimeFromUtc(call.StartUtc, zone);
        return local.ToString("ddd d MMM yyyy, HH:mm", CultureInfo.InvariantCulture) + $" ({zone.Id})";
    }

    protected static string Joining(StrategyCall call) =>
        call.MeetingLink is null ? "Your advisor will send you the meeting details." : $"\nJoin the call here: {call.MeetingLink}";

    protected static string JoiningHtml(StrategyCall call) =>
        call.MeetingLink is null ? "<p>Your advisor will send you the meeting details.</p>"
            : $"<p>Join the call here: <a href=\"{Encode(call.MeetingLink)}\">{Encode(call.MeetingLink)}</a></p>";

    protected static string Encode(string text) => WebUtility.HtmlEncode(text);
}

/// <summary>The applicant's confirmation, update or cancellation, with the .ics and a fresh manage link.</summary>
public sealed class CallInviteEmail(IBookingLinks links, TimeProvider clock) : CallEmail(links, clock)
{
    public override OutboxKind Kind => OutboxKind.CallInvite;

    protected override EmailMessage Render(OutboxMessage message, StrategyCall call, Client client, UserProfile consultant)
    {
        var manageUrl = ManageUrl(call);
        var when = When(call, client.TimeZoneId);
        var invite = CallInvites.For(call, client, consultant, manageUrl, Clock.GetUtcNow().UtcDateTime);
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
        return new EmailMessage(client.Email, subject, text, html, consultant.Email, $"outbox-{message.Id}", Calendar: invite);
    }
}

/// <summary>The consultant's notice of a new, moved or cancelled call, with the applicant's details and the .ics.</summary>
public sealed class CallNoticeEmail(IBookingLinks links, TimeProvider clock) : CallEmail(links, clock)
{
    public override OutboxKind Kind => OutboxKind.CallNotice;

    protected override EmailMessage Render(OutboxMessage message, StrategyCall call, Client client, UserProfile consultant)
    {
        var when = When(call, consultant.TimeZoneId);
        var what = call.Status == CallStatus.Cancelled ? "Cancelled" : call.Sequence == 0 ? "New strategy call" : "Moved";
        var subject = $"{what}: {client.FullName}, {when}";
        var details = $"""
            Applicant: {client.FullName} <{client.Email}>{(client.Phone is null ? "" : $", {client.Phone}")}
            Applying to: {client.TargetSystem.DisplayName()}
            Medical school country: {client.MedicalSchoolCountry ?? "—"}; graduation year: {client.GraduationYear?.ToString(CultureInfo.InvariantCulture) ?? "—"}
            Step 2 CK: {client.Step2CkScore?.ToString(CultureInfo.InvariantCulture) ?? "—"}{(client.Step2CkAttempts is { } attempts ? $" ({attempts.ToString(CultureInfo.InvariantCulture)} attempt(s))" : "")}; visa need: {client.VisaNeed.DisplayName()}; specialty: {client.TargetSpecialties ?? "—"}
            Wants help with: {call.Topic ?? "—"}
            """;
        var callUrl = StaffCallUrl(call);
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
        var invite = CallInvites.For(call, client, consultant, null, Clock.GetUtcNow().UtcDateTime);
        return new EmailMessage(message.Recipient, subject, text, html, client.Email, $"outbox-{message.Id}", Calendar: invite);
    }
}

/// <summary>The applicant's reminder 24 hours and 1 hour before the call, while it is still booked.</summary>
public sealed class CallReminderEmail(IBookingLinks links, TimeProvider clock) : CallEmail(links, clock)
{
    public override OutboxKind Kind => OutboxKind.CallReminder;

    public override string? WhyNotSend(OutboxMessage message) => message.StrategyCall switch
    {
        null => "the call was deleted",
        { Status: CallStatus.Cancelled } => "the call was cancelled",
        { Status: not CallStatus.Booked } => "the call already took place",
        { } call when call.StartUtc <= Clock.GetUtcNow().UtcDateTime => "the call has already started",
        _ => null,
    };

    protected override EmailMessage Render(OutboxMessage message, StrategyCall call, Client client, UserProfile consultant)
    {
        var manageUrl = ManageUrl(call);
        var when = When(call, client.TimeZoneId);
        var untilStart = call.StartUtc - Clock.GetUtcNow().UtcDateTime;
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
        return new EmailMessage(client.Email, subject, text, html, consultant.Email, $"outbox-{message.Id}");
    }
}
