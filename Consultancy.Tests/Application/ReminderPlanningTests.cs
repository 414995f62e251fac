using Consultancy.Application.Clients;
using Consultancy.Application.Deadlines;
using Consultancy.Application.Domain;
using Consultancy.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Tests.Application;

public sealed class ReminderPlanningTests : IAsyncLifetime
{
    private ApplicationHarness _app = null!;
    private TestUser _alice = null!;

    public async Task InitializeAsync()
    {
        _app = await ApplicationHarness.StartAsync();
        _alice = await _app.ConsultantAsync("alice@consultancy.test");
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    public static TheoryData<string, string, string[]> Zones => new()
    {
        // 14 Mar 2027: US clocks spring forward between the 14- and 1-day reminders.
        { "America/New_York", "2027-03-20", ["2027-03-06T14:00:00Z", "2027-03-13T14:00:00Z", "2027-03-19T13:00:00Z"] },
        // 28 Mar 2027: British Summer Time starts.
        { "Europe/London", "2027-04-02", ["2027-03-19T09:00:00Z", "2027-03-26T09:00:00Z", "2027-04-01T08:00:00Z"] },
        // 31 Oct 2027: British Summer Time ends.
        { "Europe/London", "2027-11-05", ["2027-10-22T08:00:00Z", "2027-10-29T08:00:00Z", "2027-11-04T09:00:00Z"] },
        // A half-hour offset, no daylight saving.
        { "Asia/Kolkata", "2027-01-15", ["2027-01-01T03:30:00Z", "2027-01-08T03:30:00Z", "2027-01-14T03:30:00Z"] },
        // Across the date line, and New Zealand daylight time ends on 4 Apr 2027.
        { "Pacific/Auckland", "2027-04-10", ["2027-03-26T20:00:00Z", "2027-04-02T20:00:00Z", "2027-04-08T21:00:00Z"] },
    };

    [Theory, MemberData(nameof(Zones))]
    public async Task Reminders_fall_at_nine_in_the_clients_zone_on_each_offset_day(string zone, string due, string[] expectedUtc)
    {
        var clientId = await _app.SendAsync(_alice, ClientBuilder.NewClient() with { TimeZoneId = zone });

        var deadlineId = await _app.SendAsync(_alice, Deadline(clientId, DateOnly.Parse(due)));

        Assert.Equal(expectedUtc.Select(DateTime.Parse).Select(d => d.ToUniversalTime()), await PendingDueTimesAsync(deadlineId));
    }

    [Fact]
    public async Task A_send_hour_skipped_by_the_spring_forward_moves_to_the_first_hour_that_exists()
    {
        await using var app = await ApplicationHarness.StartAsync(new Dictionary<string, string?> { ["Reminders:SendHour"] = "02:30" });
        var alice = await app.ConsultantAsync("alice@consultancy.test");
        var clientId = await app.SendAsync(alice, ClientBuilder.NewClient() with { TimeZoneId = "America/New_York" });

        var deadlineId = await app.SendAsync(alice, Deadline(clientId, new DateOnly(2027, 3, 15), "1"));

        // 02:30 on 14 Mar 2027 does not exist in New York; 03:30 EDT is 07:30 UTC.
        var reminder = await app.QueryAsync(db => db.OutboxMessages.SingleAsync(m => m.DeadlineId == deadlineId));
        Assert.Equal(new DateTime(2027, 3, 14, 7, 30, 0, DateTimeKind.Utc), reminder.DueAt);
    }

    [Fact]
    public async Task Moving_the_due_date_moves_pending_reminders_and_removing_an_offset_cancels_its_reminder()
    {
        var clientId = await _app.SendAsync(_alice, ClientBuilder.NewClient() with { TimeZoneId = "UTC" });
        var deadlineId = await _app.SendAsync(_alice, Deadline(clientId, new DateOnly(2027, 2, 1)));
        var edit = await _app.SendAsync(_alice, new GetDeadlineForEdit(deadlineId));

        await _app.SendAsync(_alice, edit with { DueDate = new DateOnly(2027, 3, 1), ReminderOffsets = "14, 1" });

        var rows = await RemindersAsync(deadlineId);
        Assert.Equal(3, rows.Count);
        Assert.Equal(new DateTime(2027, 2, 15, 9, 0, 0, DateTimeKind.Utc), rows[OutboxMessage.ReminderKey(deadlineId, ReminderOffset.Days(14))].DueAt);
        Assert.Equal(new DateTime(2027, 2, 28, 9, 0, 0, DateTimeKind.Utc), rows[OutboxMessage.ReminderKey(deadlineId, ReminderOffset.Days(1))].DueAt);
        var removed = rows[OutboxMessage.ReminderKey(deadlineId, ReminderOffset.Days(7))];
        Assert.Equal((OutboxStatus.Cancelled, "its offset was removed"), (removed.Status, removed.CancelReason));
    }

    [Fact]
    public async Task Completing_cancels_pending_reminders_and_reopening_plans_the_same_rows_again()
    {
        var clientId = await _app.SendAsync(_alice, ClientBuilder.NewClient());
        var deadlineId = await _app.SendAsync(_alice, Deadline(clientId, new DateOnly(2027, 2, 1)));

        await _app.SendAsync(_alice, new ChangeDeadlineStatus(deadlineId, DeadlineStatus.Done));
        Assert.All((await RemindersAsync(deadlineId)).Values, r => Assert.Equal((OutboxStatus.Cancelled, "the deadline was completed"), (r.Status, r.CancelReason)));

        await _app.SendAsync(_alice, new ChangeDeadlineStatus(deadlineId, DeadlineStatus.Open));
        var rows = await RemindersAsync(deadlineId);
        Assert.Equal(3, rows.Count);
        Assert.All(rows.Values, r => Assert.Equal(OutboxStatus.Pending, r.Status));
    }

    [Fact]
    public async Task Opting_out_cancels_every_pending_reminder_and_opting_back_in_needs_a_reason()
    {
        var clientId = await _app.SendAsync(_alice, ClientBuilder.NewClient());
        var deadlineId = await _app.SendAsync(_alice, Deadline(clientId, new DateOnly(2027, 2, 1)));

        await _app.SendAsync(_alice, new SetReminderOptOut(clientId, true, null));
        Assert.All((await RemindersAsync(deadlineId)).Values, r => Assert.Equal(OutboxStatus.Cancelled, r.Status));

        await Assert.ThrowsAsync<Consultancy.Application.Common.Exceptions.ValidationException>(() =>
            _app.SendAsync(_alice, new SetReminderOptOut(clientId, false, " ")));
        await _app.SendAsync(_alice, new SetReminderOptOut(clientId, false, "Client asked by phone"));
        Assert.All((await RemindersAsync(deadlineId)).Values, r => Assert.Equal(OutboxStatus.Pending, r.Status));
        var notes = (await _app.SendAsync(_alice, new GetClientDetails(clientId))).Notes;
        Assert.Equal("Reminders turned back on: Client asked by phone", Assert.Single(notes).Body);
    }

    [Fact]
    public async Task Changing_the_clients_time_zone_or_email_replans_and_sent_reminders_stay_as_they_were()
    {
        var clientId = await _app.SendAsync(_alice, ClientBuilder.NewClient() with { TimeZoneId = "UTC" });
        var deadlineId = await _app.SendAsync(_alice, Deadline(clientId, new DateOnly(2027, 2, 1)));
        var first = (await RemindersAsync(deadlineId))[OutboxMessage.ReminderKey(deadlineId, ReminderOffset.Days(14))];
        _app.Clock.SetUtcNow(first.DueAt);
        await _app.DispatchAsync();

        var edit = await _app.SendAsync(_alice, new GetClientForEdit(clientId));
        await _app.SendAsync(_alice, edit with { TimeZoneId = "Asia/Tokyo", Email = "new.address@applicant.test" });

        var rows = await RemindersAsync(deadlineId);
        var sent = rows[OutboxMessage.ReminderKey(deadlineId, ReminderOffset.Days(14))];
        Assert.Equal((OutboxStatus.Sent, first.DueAt, first.Recipient), (sent.Status, sent.DueAt, sent.Recipient));
        var moved = rows[OutboxMessage.ReminderKey(deadlineId, ReminderOffset.Days(7))];
        Assert.Equal((OutboxStatus.Pending, new DateTime(2027, 1, 25, 0, 0, 0, DateTimeKind.Utc), "new.address@applicant.test"),
            (moved.Status, moved.DueAt, moved.Recipient));
    }

    [Fact]
    public async Task A_reminder_cancelled_by_hand_stays_cancelled_when_the_deadline_is_edited_until_someone_retries_it()
    {
        var clientId = await _app.SendAsync(_alice, ClientBuilder.NewClient());
        var deadlineId = await _app.SendAsync(_alice, Deadline(clientId, new DateOnly(2027, 2, 1)));
        var fourteen = (await RemindersAsync(deadlineId))[OutboxMessage.ReminderKey(deadlineId, ReminderOffset.Days(14))];
        await _app.SendAsync(_alice, new Consultancy.Application.Outbox.ChangeOutboxMessage(fourteen.Id, Retry: false));

        var edit = await _app.SendAsync(_alice, new GetDeadlineForEdit(deadlineId));
        await _app.SendAsync(_alice, edit with { Notes = "Bring the MSPE", DueDate = new DateOnly(2027, 2, 8) });

        var rows = await RemindersAsync(deadlineId);
        Assert.Equal((OutboxStatus.Cancelled, "cancelled by hand"), (rows[fourteen.DedupKey].Status, rows[fourteen.DedupKey].CancelReason));
        Assert.Equal(OutboxStatus.Pending, rows[OutboxMessage.ReminderKey(deadlineId, ReminderOffset.Days(7))].Status);

        await _app.SendAsync(_alice, new Consultancy.Application.Outbox.ChangeOutboxMessage(fourteen.Id, Retry: true));
        Assert.Equal(OutboxStatus.Pending, (await RemindersAsync(deadlineId))[fourteen.DedupKey].Status);
        var planned = (await RemindersAsync(deadlineId))[OutboxMessage.ReminderKey(deadlineId, ReminderOffset.Days(7))];
        await Assert.ThrowsAsync<Consultancy.Application.Common.Exceptions.ValidationException>(() =>
            _app.SendAsync(_alice, new Consultancy.Application.Outbox.ChangeOutboxMessage(planned.Id, Retry: true)));
    }

    [Fact]
    public async Task Reminders_in_hours_fall_that_long_before_the_due_time_beside_those_in_days()
    {
        var clientId = await _app.SendAsync(_alice, ClientBuilder.NewClient() with { TimeZoneId = "Asia/Karachi" });

        var deadlineId = await _app.SendAsync(_alice, Deadline(clientId, new DateOnly(2027, 1, 20), "7, 24h, 2h") with { DueTime = new TimeOnly(15, 0) });

        // 15:00 in Karachi (UTC+5) is 10:00 UTC; the 7-day reminder keeps the 09:00 send hour.
        Assert.Equal([new DateTime(2027, 1, 13, 4, 0, 0, DateTimeKind.Utc), new DateTime(2027, 1, 19, 10, 0, 0, DateTimeKind.Utc),
            new DateTime(2027, 1, 20, 8, 0, 0, DateTimeKind.Utc)], await PendingDueTimesAsync(deadlineId));
        Assert.Equal(["deadline:" + deadlineId + ":before:24h", "deadline:" + deadlineId + ":before:2h", "deadline:" + deadlineId + ":before:7d"],
            (await RemindersAsync(deadlineId)).Keys.Order());

        var edit = await _app.SendAsync(_alice, new GetDeadlineForEdit(deadlineId));
        Assert.Equal("7, 24h, 2h", edit.ReminderOffsets);
        Assert.True(ReminderOffsets.TryParse(edit.ReminderOffsets, out var offsets));
        Assert.Equal("7 days, 24 hours and 2 hours before", offsets.Describe());
        await _app.SendAsync(_alice, edit with { ReminderOffsets = "7, 2h" });
        var removed = (await RemindersAsync(deadlineId))[OutboxMessage.ReminderKey(deadlineId, ReminderOffset.Hours(24))];
        Assert.Equal((OutboxStatus.Cancelled, "its offset was removed"), (removed.Status, removed.CancelReason));
    }

    [Theory]
    [InlineData("0h")]
    [InlineData("169h")]
    [InlineData("2 hours")]
    [InlineData("h")]
    public async Task Reminder_offsets_that_are_neither_days_nor_hours_are_refused_with_the_rule(string offsets)
    {
        var clientId = await _app.SendAsync(_alice, ClientBuilder.NewClient());

        var refused = await Assert.ThrowsAsync<Consultancy.Application.Common.Exceptions.ValidationException>(() =>
            _app.SendAsync(_alice, Deadline(clientId, new DateOnly(2027, 2, 1), offsets)));

        Assert.Contains("e.g. 24h, 2h", refused.Errors["ReminderOffsets"].Single());
    }

    [Fact]
    public async Task Reminders_whose_day_has_already_passed_are_not_planned()
    {
        var clientId = await _app.SendAsync(_alice, ClientBuilder.NewClient() with { TimeZoneId = "UTC" });

        var deadlineId = await _app.SendAsync(_alice, Deadline(clientId, DateOnly.FromDateTime(_app.Clock.GetUtcNow().UtcDateTime).AddDays(5)));

        Assert.Equal([OutboxMessage.ReminderKey(deadlineId, ReminderOffset.Days(1))], (await RemindersAsync(deadlineId)).Keys);
    }

    [Fact]
    public async Task Overdue_is_judged_in_the_clients_own_time_zone()
    {
        // At 14:00 UTC on 25 Nov it is already the 26th in Auckland but still the 25th in New York.
        var auckland = await _app.SendAsync(_alice, ClientBuilder.NewClient("Aroha", "Ngata") with { TimeZoneId = "Pacific/Auckland" });
        var newYork = await _app.SendAsync(_alice, ClientBuilder.NewClient("Jason", "Cohen") with { TimeZoneId = "America/New_York" });
        await _app.SendAsync(_alice, Deadline(auckland, new DateOnly(2026, 11, 25), "", "Upload MSPE"));
        await _app.SendAsync(_alice, Deadline(newYork, new DateOnly(2026, 11, 25), "", "Upload CV"));

        var overdue = await _app.SendAsync(_alice, new GetDeadlineList { Window = DeadlineWindow.Overdue });
        var thisWeek = await _app.SendAsync(_alice, new GetDeadlineList { Window = DeadlineWindow.ThisWeek });

        Assert.Equal(["Upload MSPE"], overdue.Items.Select(d => d.Title));
        Assert.Equal(["Upload CV"], thisWeek.Items.Select(d => d.Title));
    }

    [Fact]
    public async Task Another_consultants_deadlines_are_out_of_reach()
    {
        var bob = await _app.ConsultantAsync("bob@consultancy.test");
        var clientId = await _app.SendAsync(_alice, ClientBuilder.NewClient());
        var deadlineId = await _app.SendAsync(_alice, Deadline(clientId, new DateOnly(2027, 2, 1)));

        await Assert.ThrowsAsync<Consultancy.Application.Common.Exceptions.NotFoundException>(() => _app.SendAsync(bob, Deadline(clientId, new DateOnly(2027, 3, 1))));
        await Assert.ThrowsAsync<Consultancy.Application.Common.Exceptions.NotFoundException>(() => _app.SendAsync(bob, new GetDeadlineForEdit(deadlineId)));
        await Assert.ThrowsAsync<Consultancy.Application.Common.Exceptions.NotFoundException>(() => _app.SendAsync(bob, new ChangeDeadlineStatus(deadlineId, DeadlineStatus.Done)));
        await Assert.ThrowsAsync<Consultancy.Application.Common.Exceptions.NotFoundException>(() => _app.SendAsync(bob, new DeleteDeadline(deadlineId)));
        Assert.Empty((await _app.SendAsync(bob, new GetDeadlineList { Window = DeadlineWindow.Upcoming })).Items);
        Assert.Empty((await _app.SendAsync(bob, new Consultancy.Application.Outbox.GetOutboxList())).Messages.Items);
        Assert.Equal(3, (await _app.SendAsync(_alice, new Consultancy.Application.Outbox.GetOutboxList())).Messages.TotalCount);
    }

    private static AddDeadline Deadline(int clientId, DateOnly due, string offsets = "14, 7, 1", string title = "Submit MyERAS application") => new()
    {
        ClientId = clientId, Title = title, Category = DeadlineCategory.Application, DueDate = due, ReminderOffsets = offsets,
    };

    private Task<List<DateTime>> PendingDueTimesAsync(int deadlineId) =>
        _app.QueryAsync(db => db.OutboxMessages.Where(m => m.DeadlineId == deadlineId && m.Status == OutboxStatus.Pending)
            .OrderBy(m => m.DueAt).Select(m => m.DueAt).ToListAsync());

    private async Task<Dictionary<string, OutboxMessage>> RemindersAsync(int deadlineId) =>
        (await _app.QueryAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.DeadlineId == deadlineId).ToListAsync()))
            .ToDictionary(m => m.DedupKey);
}
