using System.Text;
using Consultancy.Application.Domain;
using Consultancy.Application.StrategyCalls;
using Consultancy.Tests.Support;
using Ical.Net;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace Consultancy.Tests.Application;

/// <summary>A call's emails through the outbox to a real SMTP server on loopback, with a fake clock.</summary>
public sealed class CallEmailTests : IAsyncLifetime
{
    private static readonly DateTime FirstSlot = new(2026, 11, 26, 14, 0, 0, DateTimeKind.Utc);
    private readonly SmtpSink _smtp = new();
    private ApplicationHarness _app = null!;
    private TestUser _maya = null!;

    public async Task InitializeAsync()
    {
        _app = await ApplicationHarness.StartAsync(ApplicationHarness.SmtpSettings(_smtp));
        _maya = await _app.ConsultantAsync("maya@consultancy.test");
        await _app.OpenBookingAsync(_maya, "maya");
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    private static (string Method, Calendar Calendar, string Attachment) InviteOf(MimeMessage email)
    {
        var part = email.BodyParts.OfType<TextPart>().Single(p => p.ContentType.IsMimeType("text", "calendar"));
        var attachment = email.Attachments.OfType<MimePart>().Single(a => a.FileName == "invite.ics");
        using var content = new MemoryStream();
        attachment.Content!.DecodeTo(content);
        return (part.ContentType.Parameters["method"]!, Calendar.Load(part.Text)!, Encoding.UTF8.GetString(content.ToArray()));
    }

    [Fact]
    public async Task The_applicant_gets_a_confirmation_with_an_invite_and_the_consultant_a_notice()
    {
        var booked = await _app.SendAsync(null, BookingBuilder.NewBooking("maya", FirstSlot, email: "priya@applicant.test"));
        var call = await _app.QueryAsync(db => db.StrategyCalls.SingleAsync(c => c.Id == booked.CallId));

        await _app.DispatchAsync();

        var confirmation = await _smtp.WaitForAsync(m => m.To.Mailboxes.Single().Address == "priya@applicant.test");
        Assert.Equal("Confirmed: your free strategy call on Thu 26 Nov 2026, 19:30 (Asia/Kolkata)", confirmation.Subject);
        Assert.Contains("Join the call here: https://meet.consultancy.test/maya", confirmation.TextBody);
        Assert.Matches("https://crm.consultancy.test/book/manage/\\S+", confirmation.TextBody);
        Assert.Equal("maya@consultancy.test", confirmation.ReplyTo.Mailboxes.Single().Address);

        var (method, calendar, attachment) = InviteOf(confirmation);
        Assert.Equal("REQUEST", method);
        Assert.Equal(calendar.ToString(), Calendar.Load(attachment)!.ToString());
        Assert.Equal("REQUEST", calendar.Method);
        var invite = Assert.Single(calendar.Events);
        Assert.Equal((call.Uid, 0, "CONFIRMED"), (invite.Uid, invite.Sequence, invite.Status));
        Assert.Equal(FirstSlot, invite.DtStart!.AsUtc);
        Assert.Equal(FirstSlot.AddMinutes(30), invite.DtEnd!.AsUtc);
        Assert.Equal("mailto:maya@consultancy.test", invite.Organizer!.Value!.ToString());
        Assert.Equal("mailto:priya@applicant.test", Assert.Single(invite.Attendees).Value!.ToString());
        Assert.Equal("https://meet.consultancy.test/maya", invite.Location);

        var notice = await _smtp.WaitForAsync(m => m.To.Mailboxes.Single().Address == "maya@consultancy.test");
        Assert.StartsWith("New strategy call: Priya Sharma, Thu 26 Nov 2026, 09:00 (America/New_York)", notice.Subject);
        Assert.Contains("Which internal medicine programs are IMG-friendly", notice.TextBody);
        Assert.Contains($"https://crm.consultancy.test/Calls/Details/{call.Id}", notice.TextBody);
    }

    [Fact]
    public async Task Moving_keeps_the_uid_and_raises_the_sequence_and_cancelling_sends_a_cancel()
    {
        var booked = await _app.SendAsync(null, BookingBuilder.NewBooking("maya", FirstSlot, email: "priya@applicant.test"));
        await _app.DispatchAsync();
        await _app.SendAsync(null, new MoveCallByLink(booked.ManageToken, FirstSlot.AddHours(2)));
        await _app.DispatchAsync();
        await _app.SendAsync(null, new CancelCallByLink(booked.ManageToken));
        await _app.DispatchAsync();

        var toApplicant = _smtp.Messages.Where(m => m.To.Mailboxes.Single().Address == "priya@applicant.test").ToList();
        Assert.Equal(3, toApplicant.Count);
        var invites = toApplicant.Select(InviteOf).ToList();
        Assert.Equal(["REQUEST", "REQUEST", "CANCEL"], invites.Select(i => i.Method));
        Assert.Equal(["REQUEST", "REQUEST", "CANCEL"], invites.Select(i => i.Calendar.Method));
        Assert.Single(invites.Select(i => i.Calendar.Events.Single().Uid).Distinct());
        Assert.Equal([0, 1, 2], invites.Select(i => i.Calendar.Events.Single().Sequence));
        Assert.Equal(FirstSlot.AddHours(2), invites[1].Calendar.Events.Single().DtStart!.AsUtc);
        Assert.Equal("CANCELLED", invites[2].Calendar.Events.Single().Status);
        Assert.StartsWith("New time:", toApplicant[1].Subject);
        Assert.StartsWith("Cancelled:", toApplicant[2].Subject);
        Assert.Equal(3, _smtp.Messages.Count(m => m.To.Mailboxes.Single().Address == "maya@consultancy.test"));
    }

    [Fact]
    public async Task Reminders_go_out_a_day_and_an_hour_before_and_not_for_a_cancelled_call()
    {
        var kept = await _app.SendAsync(null, BookingBuilder.NewBooking("maya", FirstSlot.AddDays(1), email: "kept@applicant.test"));
        var dropped = await _app.SendAsync(null, BookingBuilder.NewBooking("maya", FirstSlot.AddDays(1).AddHours(1), email: "dropped@applicant.test"));
        var reminders = await _app.QueryAsync(db => db.OutboxMessages.Where(m => m.Kind == OutboxKind.CallReminder && m.StrategyCallId == kept.CallId)
            .OrderBy(m => m.DueAt).Select(m => m.DueAt).ToListAsync());
        Assert.Equal([FirstSlot.AddDays(1).AddHours(-24), FirstSlot.AddDays(1).AddHours(-1)], reminders);
        await _app.SendAsync(null, new CancelCallByLink(dropped.ManageToken));
        await _app.DispatchAsync();
        _smtp.Clear();

        _app.Clock.SetUtcNow(FirstSlot);
        await _app.DispatchAsync();
        var dayBefore = Assert.Single(_smtp.Messages);
        Assert.Equal("Reminder: your strategy call is tomorrow (Fri 27 Nov 2026, 19:30 (Asia/Kolkata))", dayBefore.Subject);
        Assert.Equal("kept@applicant.test", dayBefore.To.Mailboxes.Single().Address);

        _app.Clock.SetUtcNow(FirstSlot.AddDays(1).AddHours(-1));
        await _app.DispatchAsync();
        Assert.Equal(2, _smtp.Messages.Count);
        Assert.StartsWith("Reminder: your strategy call starts soon", _smtp.Messages.Last().Subject);
        var droppedReminders = await _app.QueryAsync(db => db.OutboxMessages.Where(m => m.Kind == OutboxKind.CallReminder && m.StrategyCallId == dropped.CallId).ToListAsync());
        Assert.All(droppedReminders, m => Assert.Equal((OutboxStatus.Cancelled, "the call was cancelled"), (m.Status, m.CancelReason)));
    }

    [Fact]
    public async Task Tampered_and_expired_manage_links_open_nothing()
    {
        var booked = await _app.SendAsync(null, BookingBuilder.NewBooking("maya", FirstSlot));
        var tampered = booked.ManageToken[..^4] + (booked.ManageToken.EndsWith("AAAA") ? "BBBB" : "AAAA");

        Assert.NotNull(await _app.SendAsync(null, new GetManagedCall(booked.ManageToken)));
        Assert.Null(await _app.SendAsync(null, new GetManagedCall(tampered)));
        Assert.Null(await _app.SendAsync(null, new GetManagedCall("not a token at all")));

        _app.Clock.SetUtcNow(FirstSlot.AddDays(8));
        Assert.Null(await _app.SendAsync(null, new GetManagedCall(booked.ManageToken)));
    }
}
