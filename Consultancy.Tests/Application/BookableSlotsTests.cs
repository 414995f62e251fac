using Consultancy.Application.Domain;
using Microsoft.Extensions.Time.Testing;

namespace Consultancy.Tests.Application;

public sealed class BookableSlotsTests
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private static readonly TimeZoneInfo Tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    private static ConsultantAvailability WeekdayHours(params (TimeOnly Start, TimeOnly End)[] ranges)
    {
        var availability = new ConsultantAvailability("c1", "Maya Patel", "maya", DateTime.UnixEpoch);
        foreach (var day in new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday })
            foreach (var (start, end) in ranges)
                availability.Weekly.Add(new WeeklyHours(day, start, end));
        return availability;
    }

    private static BookableSlots At(int year, int month, int day, int hour, int minute, TimeZoneInfo zone) =>
        new(new FakeTimeProvider(new DateTimeOffset(LocalTimes.ToUtc(new DateTime(year, month, day, hour, minute, 0), zone), TimeSpan.Zero)));

    private static DateTime Utc(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, DateTimeKind.Utc);

    private static List<TimeOnly> LocalStartsOn(IEnumerable<DateTime> slots, DateOnly date, TimeZoneInfo zone) =>
        slots.Select(s => TimeZoneInfo.ConvertTimeFromUtc(s, zone))
            .Where(l => DateOnly.FromDateTime(l) == date).Select(TimeOnly.FromDateTime).ToList();

    [Fact]
    public void Several_ranges_a_day_give_call_length_slots_inside_each_range()
    {
        var availability = WeekdayHours((new(9, 0), new(11, 0)), (new(14, 0), new(15, 30)));
        var slots = At(2026, 6, 1, 8, 0, NewYork).Free(availability, NewYork, []);

        // Monday 1 June is inside the 12-hour notice; Tuesday 2 June is the first full day.
        Assert.Equal([new(9, 0), new(9, 30), new(10, 0), new(10, 30), new(14, 0), new(14, 30), new(15, 0)],
            LocalStartsOn(slots, new DateOnly(2026, 6, 2), NewYork));
        Assert.Empty(LocalStartsOn(slots, new DateOnly(2026, 6, 6), NewYork)); // Saturday
    }

    [Fact]
    public void Minimum_notice_hides_slots_that_start_too_soon()
    {
        var availability = WeekdayHours((new(9, 0), new(12, 0)));
        availability.MinimumNoticeHours = 14;
        // 20:00 on Monday + 14 h = 10:00 on Tuesday.
        var slots = At(2026, 6, 1, 20, 0, NewYork).Free(availability, NewYork, []);

        Assert.Equal([new(10, 0), new(10, 30), new(11, 0), new(11, 30)], LocalStartsOn(slots, new DateOnly(2026, 6, 2), NewYork));
    }

    [Fact]
    public void The_horizon_ends_the_offer()
    {
        var availability = WeekdayHours((new(9, 0), new(10, 0)));
        availability.HorizonDays = 7;
        var slots = At(2026, 6, 1, 8, 0, NewYork).Free(availability, NewYork, []);

        // Seven days from Monday 08:00 ends before Monday 8 June's 09:00: the last offer is Friday 09:30.
        Assert.Equal(Utc(2026, 6, 5, 13, 30), slots.Max());
    }

    [Fact]
    public void Existing_calls_and_their_buffer_take_slots_away()
    {
        var availability = WeekdayHours((new(9, 0), new(12, 0)));
        availability.BufferMinutes = 15;
        var busy = new BusyTime(LocalTimes.ToUtc(new DateTime(2026, 6, 2, 10, 0, 0), NewYork), LocalTimes.ToUtc(new DateTime(2026, 6, 2, 10, 30, 0), NewYork));

        var slots = At(2026, 6, 1, 8, 0, NewYork).Free(availability, NewYork, [busy]);

        // 09:30 would end at 10:00 with no gap; 10:30 would start with no gap; 11:00 keeps the 15 minutes.
        Assert.Equal([new(9, 0), new(11, 0), new(11, 30)], LocalStartsOn(slots, new DateOnly(2026, 6, 2), NewYork));
    }

    [Fact]
    public void Overrides_replace_a_day_and_time_off_clears_days()
    {
        var availability = WeekdayHours((new(9, 0), new(10, 0)));
        availability.Overrides.Add(new DateOverride(new DateOnly(2026, 6, 2), new TimeOnly(16, 0), new TimeOnly(17, 0)));
        availability.Overrides.Add(new DateOverride(new DateOnly(2026, 6, 3), null, null));
        availability.Overrides.Add(new DateOverride(new DateOnly(2026, 6, 6), new TimeOnly(10, 0), new TimeOnly(10, 30)));
        availability.TimeOff.Add(new TimeOff(new DateOnly(2026, 6, 8), new DateOnly(2026, 6, 12)));

        var slots = At(2026, 6, 1, 8, 0, NewYork).Free(availability, NewYork, []);

        Assert.Equal([new(16, 0), new(16, 30)], LocalStartsOn(slots, new DateOnly(2026, 6, 2), NewYork));
        Assert.Empty(LocalStartsOn(slots, new DateOnly(2026, 6, 3), NewYork));
        Assert.Equal([new(9, 0), new(9, 30)], LocalStartsOn(slots, new DateOnly(2026, 6, 4), NewYork));
        Assert.Equal([new TimeOnly(10, 0)], LocalStartsOn(slots, new DateOnly(2026, 6, 6), NewYork)); // a Saturday opened by override
        for (var day = 8; day <= 12; day++) Assert.Empty(LocalStartsOn(slots, new DateOnly(2026, 6, day), NewYork));
        Assert.NotEmpty(LocalStartsOn(slots, new DateOnly(2026, 6, 15), NewYork));
    }

    [Fact]
    public void Spring_forward_inside_the_horizon_keeps_the_consultants_wall_clock()
    {
        // New York moves from UTC-5 to UTC-4 on Sunday 8 March 2026.
        var availability = WeekdayHours((new(9, 0), new(10, 0)));
        availability.Weekly.Add(new WeeklyHours(DayOfWeek.Sunday, new TimeOnly(1, 0), new TimeOnly(4, 0)));
        var slots = At(2026, 3, 2, 8, 0, NewYork).Free(availability, NewYork, []);

        Assert.Contains(Utc(2026, 3, 6, 14), slots);   // Friday 09:00 EST
        Assert.Contains(Utc(2026, 3, 9, 13), slots);   // Monday 09:00 EDT
        Assert.DoesNotContain(Utc(2026, 3, 9, 14), slots);
        // 01:00–04:00 on the change night is two real hours: 01:00, 01:30 EST, then 03:00, 03:30 EDT.
        var sunday = slots.Where(s => s >= Utc(2026, 3, 8, 0) && s < Utc(2026, 3, 9, 0)).ToList();
        Assert.Equal([Utc(2026, 3, 8, 6), Utc(2026, 3, 8, 6, 30), Utc(2026, 3, 8, 7), Utc(2026, 3, 8, 7, 30)], sunday);
    }

    [Fact]
    public void Fall_back_inside_the_horizon_keeps_the_wall_clock_and_offers_the_repeated_hour()
    {
        // New York moves from UTC-4 to UTC-5 on Sunday 1 November 2026.
        var availability = WeekdayHours((new(9, 0), new(10, 0)));
        availability.Weekly.Add(new WeeklyHours(DayOfWeek.Sunday, new TimeOnly(0, 0), new TimeOnly(3, 0)));
        var slots = At(2026, 10, 26, 8, 0, NewYork).Free(availability, NewYork, []);

        Assert.Contains(Utc(2026, 10, 30, 13), slots);  // Friday 09:00 EDT
        Assert.Contains(Utc(2026, 11, 2, 14), slots);   // Monday 09:00 EST
        // 00:00–03:00 on the change night is four real hours: eight half-hour slots.
        Assert.Equal(8, slots.Count(s => s >= Utc(2026, 11, 1, 4) && s < Utc(2026, 11, 1, 8)));
    }

    [Fact]
    public void A_visitor_on_the_other_side_of_the_world_sees_the_days_of_their_own_calendar()
    {
        // Evening hours in New York are the next morning in Tokyo; London sees them late the same day.
        var availability = WeekdayHours((new(18, 0), new(20, 0)));
        availability.MinimumNoticeHours = 2;
        var slots = At(2026, 6, 1, 8, 0, NewYork).Free(availability, NewYork, []);
        var firstUtc = slots.Min();

        var tokyo = BookableSlots.ByDay(slots, Tokyo);
        var london = BookableSlots.ByDay(slots, London);

        Assert.Equal(Utc(2026, 6, 1, 22), firstUtc);                   // Monday 18:00 EDT
        Assert.Equal(new DateOnly(2026, 6, 2), tokyo[0].Date);         // Tuesday 07:00 in Tokyo
        Assert.Equal(new DateOnly(2026, 6, 1), london[0].Date);        // Monday 23:00 and 23:30 in London
        Assert.Equal([Utc(2026, 6, 1, 22), Utc(2026, 6, 1, 22, 30)], london[0].StartsUtc);
        Assert.Equal(new DateOnly(2026, 6, 2), london[1].Date);        // 00:00 in London starts Tuesday
        Assert.Equal(Utc(2026, 6, 1, 23), london[1].StartsUtc[0]);
        Assert.Equal(slots.Count, tokyo.Sum(d => d.StartsUtc.Count));
    }

    [Fact]
    public void A_time_is_refused_exactly_when_the_slot_list_leaves_it_out_and_the_refusal_says_why()
    {
        var availability = WeekdayHours((new(9, 0), new(12, 0)), (new(13, 0), new(17, 0)));
        availability.BufferMinutes = 15;
        availability.HorizonDays = 7;
        var busy = new[] { new BusyTime(Utc(2026, 6, 2, 14), Utc(2026, 6, 2, 14, 30)) };   // Tuesday 10:00–10:30 in New York
        var slots = At(2026, 6, 1, 8, 0, NewYork);
        SlotRefusalReason? Why(DateTime start) => slots.WhyNotBookable(availability, NewYork, busy, start)?.Reason;

        AssertRefusedExactlyOutsideTheList(slots, availability, NewYork, busy, Utc(2026, 5, 31, 0), Utc(2026, 6, 10, 0));
        Assert.Null(Why(Utc(2026, 6, 2, 13)));                                          // Tuesday 09:00
        Assert.Equal(SlotRefusalReason.Taken, Why(Utc(2026, 6, 2, 14, 30)));            // 10:30: no gap after the call
        Assert.Equal(SlotRefusalReason.BetweenSlots, Why(Utc(2026, 6, 2, 13, 10)));     // 09:10
        Assert.Equal(SlotRefusalReason.OutsideHours, Why(Utc(2026, 6, 2, 16, 30)));     // 12:30, lunch
        Assert.Equal(SlotRefusalReason.UnderNotice, Why(Utc(2026, 6, 1, 19)));          // Monday 15:00, seven hours ahead
        Assert.Equal(SlotRefusalReason.BeyondHorizon, Why(Utc(2026, 6, 9, 13)));        // next Tuesday 09:00
        Assert.Equal(SlotRefusalReason.InThePast, Why(Utc(2026, 6, 1, 11)));            // Monday 07:00
    }

    [Fact]
    public void Across_daylight_saving_changes_a_time_is_refused_exactly_when_the_slot_list_leaves_it_out()
    {
        var availability = WeekdayHours((new(9, 0), new(10, 0)));
        availability.Weekly.Add(new WeeklyHours(DayOfWeek.Sunday, new TimeOnly(0, 0), new TimeOnly(3, 0)));
        availability.Weekly.Add(new WeeklyHours(DayOfWeek.Saturday, new TimeOnly(22, 0), TimeOnly.MaxValue));

        AssertRefusedExactlyOutsideTheList(At(2026, 3, 2, 8, 0, NewYork), availability, NewYork, [], Utc(2026, 3, 2, 0), Utc(2026, 3, 12, 0));
        AssertRefusedExactlyOutsideTheList(At(2026, 10, 26, 8, 0, NewYork), availability, NewYork, [], Utc(2026, 10, 26, 0), Utc(2026, 11, 5, 0));
    }

    private static void AssertRefusedExactlyOutsideTheList(BookableSlots slots, ConsultantAvailability availability, TimeZoneInfo zone,
        IReadOnlyList<BusyTime> busy, DateTime fromUtc, DateTime toUtc)
    {
        var free = slots.Free(availability, zone, busy).ToHashSet();
        Assert.NotEmpty(free);
        for (var start = fromUtc; start < toUtc; start = start.AddMinutes(5))
            Assert.True(free.Contains(start) == slots.WhyNotBookable(availability, zone, busy, start) is null, $"{start:u} disagrees");
    }
}
