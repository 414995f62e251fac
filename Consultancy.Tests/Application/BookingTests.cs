using Consultancy.Application.Common.Exceptions;
using Consultancy.Application.Domain;
using Consultancy.Application.StrategyCalls;
using Consultancy.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Tests.Application;

public sealed class BookingTests : IAsyncLifetime
{
    private ApplicationHarness _app = null!;
    private TestUser _maya = null!;

    // The harness clock: Wednesday 25 November 2026, 14:00 UTC (09:00 in New York). With 12 hours' notice the first
    // free time is Thursday 26 November, 09:00 in New York.
    private static readonly DateTime FirstSlot = new(2026, 11, 26, 14, 0, 0, DateTimeKind.Utc);
    private const string FirstSlotInKolkata = "Thursday 26 November 2026, 19:30 (Asia/Kolkata)";

    public async Task InitializeAsync()
    {
        _app = await ApplicationHarness.StartAsync();
        _maya = await _app.ConsultantAsync("maya@consultancy.test");
        await _app.OpenBookingAsync(_maya, "maya");
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task The_booking_page_offers_free_times_in_the_visitors_zone_without_anyone_signed_in()
    {
        var consultants = await _app.SendAsync(null, new GetBookableConsultants());
        var page = await _app.SendAsync(null, new GetBookingSlots("maya", "Asia/Kolkata"));

        Assert.Equal(["maya"], consultants.Select(c => c.Slug));
        Assert.Equal(FirstSlot, page.Days[0].StartsUtc[0]);
        Assert.Equal(new DateOnly(2026, 11, 26), page.Days[0].Date); // 19:30 in Kolkata
        Assert.Equal("Asia/Kolkata", page.TimeZoneId);
        var withoutZone = await _app.SendAsync(null, new GetBookingSlots("maya", null));
        Assert.Equal("America/New_York", withoutZone.TimeZoneId);
        await Assert.ThrowsAsync<NotFoundException>(() => _app.SendAsync(null, new GetBookingSlots("nobody", null)));
    }

    [Fact]
    public async Task Booking_creates_a_lead_at_call_booked_for_that_consultant_and_takes_the_slot()
    {
        var booked = await _app.SendAsync(null, BookingBuilder.NewBooking("maya", FirstSlot, email: "priya@applicant.test"));

        var call = await _app.QueryAsync(db => db.StrategyCalls.Include(c => c.Client).SingleAsync(c => c.Id == booked.CallId));
        Assert.Equal((_maya.Id, FirstSlot, FirstSlot.AddMinutes(30), CallStatus.Booked, CallBookedBy.Applicant, "https://meet.consultancy.test/maya"),
            (call.ConsultantId, call.StartUtc, call.EndUtc, call.Status, call.BookedBy, call.MeetingLink));
        var client = call.Client!;
        Assert.Equal(("priya@applicant.test", _maya.Id, ClientStage.CallBooked, ClientSource.Booking, "Asia/Kolkata", "India", 2022),
            (client.Email, client.ConsultantId, client.Stage, client.Source, client.TimeZoneId, client.MedicalSchoolCountry, client.GraduationYear));
        var page = await _app.SendAsync(null, new GetBookingSlots("maya", null));
        Assert.DoesNotContain(FirstSlot, page.Days.SelectMany(d => d.StartsUtc));
        Assert.NotNull(await _app.SendAsync(null, new GetManagedCall(booked.ManageToken)));
    }

    [Fact]
    public async Task Booking_again_with_the_same_email_reuses_the_client()
    {
        await _app.SendAsync(null, BookingBuilder.NewBooking("maya", FirstSlot, email: "again@applicant.test"));
        await _app.SendAsync(null, BookingBuilder.NewBooking("maya", FirstSlot.AddHours(1), email: "Again@Applicant.test"));

        Assert.Equal(1, await _app.QueryAsync(db => db.Clients.CountAsync(c => c.Email == "again@applicant.test")));
        Assert.Equal(2, await _app.QueryAsync(db => db.StrategyCalls.CountAsync()));
    }

    [Fact]
    public async Task A_time_the_page_never_offered_is_refused_with_its_real_reason_not_as_taken()
    {
        // The harness clock is Wednesday 09:00 in New York; Maya takes calls on weekdays 09:00–12:00 and 13:00–17:00.
        var refusals = new (DateTime Start, SlotRefusalReason Reason, string Says)[]
        {
            (FirstSlot.AddHours(3.5), SlotRefusalReason.OutsideHours, "That time is outside the hours calls are offered."),   // Thursday 12:30, lunch
            (FirstSlot.AddMinutes(10), SlotRefusalReason.BetweenSlots, "calls start every 30 minutes"),                       // Thursday 09:10
            (FirstSlot.AddDays(-2), SlotRefusalReason.InThePast, "That time has already passed."),                            // Tuesday 09:00
            (new(2026, 11, 25, 20, 0, 0, DateTimeKind.Utc), SlotRefusalReason.UnderNotice, "Calls need at least 12 hours' notice"), // today 15:00
            (FirstSlot.AddDays(32), SlotRefusalReason.BeyondHorizon, "Calls can be booked at most 30 days ahead"),           // Monday 28 December 09:00
        };

        foreach (var (start, reason, says) in refusals)
        {
            var refused = await Assert.ThrowsAsync<SlotRefusedException>(() => _app.SendAsync(null, BookingBuilder.NewBooking("maya", start)));
            Assert.Equal(reason, refused.Refusal.Reason);
            Assert.Contains(says, refused.Message);
        }
        await Assert.ThrowsAsync<NotFoundException>(() => _app.SendAsync(null, BookingBuilder.NewBooking("nobody", FirstSlot)));
        Assert.Equal(0, await _app.QueryAsync(db => db.Clients.CountAsync()));
    }

    [Fact]
    public async Task A_move_to_a_time_the_page_never_offered_is_refused_with_its_real_reason_and_nothing_changes()
    {
        var booked = await _app.SendAsync(null, BookingBuilder.NewBooking("maya", FirstSlot));
        await _app.SendAsync(null, BookingBuilder.NewBooking("maya", FirstSlot.AddHours(1)));

        var soon = await Assert.ThrowsAsync<SlotRefusedException>(() => _app.SendAsync(null, new MoveCallByLink(booked.ManageToken, new DateTime(2026, 11, 25, 20, 0, 0, DateTimeKind.Utc))));
        var taken = await Assert.ThrowsAsync<SlotRefusedException>(() => _app.SendAsync(null, new MoveCallByLink(booked.ManageToken, FirstSlot.AddHours(1))));

        Assert.Equal((SlotRefusalReason.UnderNotice, SlotRefusalReason.Taken), (soon.Refusal.Reason, taken.Refusal.Reason));
        var call = await _app.QueryAsync(db => db.StrategyCalls.SingleAsync(c => c.Id == booked.CallId));
        Assert.Equal((FirstSlot, 0), (call.StartUtc, call.Sequence));
    }

    [Fact]
    public async Task An_applicant_cannot_move_a_call_that_has_started_ended_or_was_a_no_show_and_nothing_changes()
    {
        var booked = await _app.SendAsync(null, BookingBuilder.NewBooking("maya", FirstSlot));
        var nextDay = FirstSlot.AddDays(1);   // free, and far enough ahead, at every moment below

        foreach (var (now, outcome) in new[] { (FirstSlot.AddMinutes(10), (CallStatus?)null), (FirstSlot.AddHours(2), null), (FirstSlot.AddHours(2), CallStatus.NoShow) })
        {
            _app.Clock.SetUtcNow(now);
            if (outcome is { } status) await _app.SendAsync(_maya, new RecordCallOutcome(booked.CallId, status, null));

            var refused = await Assert.ThrowsAsync<ValidationException>(() => _app.SendAsync(null, new MoveCallByLink(booked.ManageToken, nextDay)));

            Assert.Contains(FirstSlotInKolkata + " and can no longer be moved or cancelled", refused.Message);
            var call = await _app.QueryAsync(db => db.StrategyCalls.SingleAsync(c => c.Id == booked.CallId));
            Assert.Equal((FirstSlot, 0, outcome ?? CallStatus.Booked), (call.StartUtc, call.Sequence, call.Status));
        }
    }

    [Fact]
    public async Task An_applicant_cannot_cancel_a_call_that_has_started_ended_or_was_a_no_show_and_nothing_changes()
    {
        var booked = await _app.SendAsync(null, BookingBuilder.NewBooking("maya", FirstSlot));

        foreach (var (now, outcome) in new[] { (FirstSlot.AddMinutes(10), (CallStatus?)null), (FirstSlot.AddHours(2), null), (FirstSlot.AddHours(2), CallStatus.NoShow) })
        {
            _app.Clock.SetUtcNow(now);
            if (outcome is { } status) await _app.SendAsync(_maya, new RecordCallOutcome(booked.CallId, status, null));

            var refused = await Assert.ThrowsAsync<ValidationException>(() => _app.SendAsync(null, new CancelCallByLink(booked.ManageToken)));

            Assert.Contains(FirstSlotInKolkata + " and can no longer be moved or cancelled", refused.Message);
            var call = await _app.QueryAsync(db => db.StrategyCalls.SingleAsync(c => c.Id == booked.CallId));
            Assert.Equal((FirstSlot, 0, outcome ?? CallStatus.Booked), (call.StartUtc, call.Sequence, call.Status));
        }
    }

    [Fact]
    public async Task A_call_that_has_started_has_no_times_to_move_to_and_its_page_offers_no_change()
    {
        var booked = await _app.SendAsync(null, BookingBuilder.NewBooking("maya", FirstSlot));
        Assert.NotEmpty((await _app.SendAsync(null, new GetMoveSlots(booked.ManageToken, null)))!.Days);

        _app.Clock.SetUtcNow(FirstSlot.AddMinutes(1));
        var slots = await _app.SendAsync(null, new GetMoveSlots(booked.ManageToken, null));
        var call = await _app.SendAsync(null, new GetManagedCall(booked.ManageToken));

        Assert.Empty(slots!.Days);
        Assert.Equal($"This call started at {FirstSlotInKolkata} and can no longer be moved or cancelled. Contact your advisor by replying to your confirmation email.", slots.WhyNoTimes);
        Assert.Equal((false, false, slots.WhyNoTimes), (call!.CanCancel, call.CanReschedule, call.WhyItCannotChange));
    }

    [Fact]
    public async Task Missing_details_and_a_filled_honeypot_are_refused_with_field_messages()
    {
        var empty = BookingBuilder.NewBooking("maya", FirstSlot);
        empty.FirstName = "";
        empty.Email = "not-an-email";
        empty.GraduationYear = null;
        var invalid = await Assert.ThrowsAsync<ValidationException>(() => _app.SendAsync(null, empty));
        Assert.Equal(["Email", "FirstName", "GraduationYear"], invalid.Errors.Keys.Order());

        var bot = BookingBuilder.NewBooking("maya", FirstSlot);
        bot.Website = "https://spam.example";
        await Assert.ThrowsAsync<ValidationException>(() => _app.SendAsync(null, bot));
        Assert.Equal(0, await _app.QueryAsync(db => db.StrategyCalls.CountAsync()));
    }

    [Fact]
    public async Task Of_many_visitors_booking_the_same_time_at_once_exactly_one_gets_it()
    {
        const int visitors = 8;
        using var start = new Barrier(visitors);
        var attempts = Enumerable.Range(0, visitors).Select(i => Task.Run(async () =>
        {
            start.SignalAndWait();
            try
            {
                await _app.SendAsync(null, BookingBuilder.NewBooking("maya", FirstSlot, $"Visitor{i}"));
                return true;
            }
            catch (SlotRefusedException refused) when (refused.Refusal.Reason == SlotRefusalReason.Taken)
            {
                return false;
            }
        })).ToList();

        var outcomes = await Task.WhenAll(attempts);

        Assert.Equal(1, outcomes.Count(won => won));
        Assert.Equal(1, await _app.QueryAsync(db => db.StrategyCalls.CountAsync(c => c.StartUtc == FirstSlot)));
        // The losers left nothing behind: no client without a call.
        Assert.Equal(1, await _app.QueryAsync(db => db.Clients.CountAsync()));
    }

    [Fact]
    public async Task First_available_books_whichever_consultant_is_free_then()
    {
        var daniel = await _app.ConsultantAsync("daniel@consultancy.test");
        await _app.OpenBookingAsync(daniel, "daniel");
        await _app.SendAsync(null, BookingBuilder.NewBooking("maya", FirstSlot));

        var booked = await _app.SendAsync(null, BookingBuilder.NewBooking(BookingSlots.AnyConsultant, FirstSlot));
        var third = BookingBuilder.NewBooking(BookingSlots.AnyConsultant, FirstSlot);

        Assert.Equal(daniel.Id, await _app.QueryAsync(db => db.StrategyCalls.Where(c => c.Id == booked.CallId).Select(c => c.ConsultantId).SingleAsync()));
        var refused = await Assert.ThrowsAsync<SlotRefusedException>(() => _app.SendAsync(null, third));
        Assert.Equal("That time was just taken. Please choose another one.", refused.Message);
    }
}
