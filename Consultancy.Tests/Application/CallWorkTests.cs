using Consultancy.Application.Clients;
using Consultancy.Application.Common.Exceptions;
using Consultancy.Application.Domain;
using Consultancy.Application.StrategyCalls;
using Consultancy.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Tests.Application;

/// <summary>Consultants' work with calls inside the app: booking for a client, changes, outcomes, conversion, the caseload rule.</summary>
public sealed class CallWorkTests : IAsyncLifetime
{
    private static readonly DateTime FirstSlot = new(2026, 11, 26, 14, 0, 0, DateTimeKind.Utc);
    private ApplicationHarness _app = null!;
    private TestUser _maya = null!;
    private TestUser _daniel = null!;

    public async Task InitializeAsync()
    {
        _app = await ApplicationHarness.StartAsync();
        _maya = await _app.ConsultantAsync("maya@consultancy.test");       // America/New_York
        _daniel = await _app.ConsultantAsync("daniel@consultancy.test");
        await _app.OpenBookingAsync(_maya, "maya");
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<int> LeadAsync(TestUser consultant, string firstName = "Amara") =>
        await _app.SendAsync(consultant, ClientBuilder.NewClient(firstName) with { Stage = ClientStage.Lead });

    [Fact]
    public async Task A_consultant_books_a_call_for_a_client_at_a_time_on_their_own_calendar()
    {
        var clientId = await LeadAsync(_maya);

        var callId = await _app.SendAsync(_maya, new BookCallForClient { ClientId = clientId, Date = new DateOnly(2026, 12, 1), Time = new TimeOnly(18, 30), Minutes = 45, Topic = "Rank list" });

        var call = await _app.QueryAsync(db => db.StrategyCalls.Include(c => c.Client).SingleAsync(c => c.Id == callId));
        Assert.Equal((new DateTime(2026, 12, 1, 23, 30, 0, DateTimeKind.Utc), TimeSpan.FromMinutes(45), CallBookedBy.Staff, "https://meet.consultancy.test/maya"),
            (call.StartUtc, call.EndUtc - call.StartUtc, call.BookedBy, call.MeetingLink));
        Assert.Equal(ClientStage.CallBooked, call.Client!.Stage);
        Assert.Equal(2, await _app.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.StrategyCallId == callId && m.Kind != OutboxKind.CallReminder)));

        var overlapping = new BookCallForClient { ClientId = clientId, Date = new DateOnly(2026, 12, 1), Time = new TimeOnly(19, 0) };
        var refused = await Assert.ThrowsAsync<ValidationException>(() => _app.SendAsync(_maya, overlapping));
        Assert.Equal(StaffCallTimes.OverlapMessage, refused.Errors["Time"][0]);
        var past = new BookCallForClient { ClientId = clientId, Date = new DateOnly(2026, 11, 1), Time = new TimeOnly(9, 0) };
        Assert.Contains("Date", (await Assert.ThrowsAsync<ValidationException>(() => _app.SendAsync(_maya, past))).Errors.Keys);
    }

    [Fact]
    public async Task Staff_move_and_cancel_a_call_the_invite_version_rises_and_the_slot_frees()
    {
        var booked = await _app.SendAsync(null, BookingBuilder.NewBooking("maya", FirstSlot));

        await _app.SendAsync(_maya, new RescheduleCall(booked.CallId, new DateOnly(2026, 11, 30), new TimeOnly(10, 0)));
        var same = await Assert.ThrowsAsync<ValidationException>(() => _app.SendAsync(_maya, new RescheduleCall(booked.CallId, new DateOnly(2026, 11, 30), new TimeOnly(10, 0))));
        Assert.Equal("The call is already at that time.", same.Errors["Time"][0]);
        var moved = await _app.QueryAsync(db => db.StrategyCalls.SingleAsync(c => c.Id == booked.CallId));
        Assert.Equal((new DateTime(2026, 11, 30, 15, 0, 0, DateTimeKind.Utc), 1), (moved.StartUtc, moved.Sequence));
        var freeAgain = await _app.SendAsync(null, new GetBookingSlots("maya", null));
        Assert.Contains(FirstSlot, freeAgain.Days.SelectMany(d => d.StartsUtc));

        await _app.SendAsync(_maya, new CancelCall(booked.CallId));
        var cancelled = await _app.QueryAsync(db => db.StrategyCalls.SingleAsync(c => c.Id == booked.CallId));
        Assert.Equal((CallStatus.Cancelled, 2), (cancelled.Status, cancelled.Sequence));
        var keys = await _app.QueryAsync(db => db.OutboxMessages.Where(m => m.StrategyCallId == booked.CallId && m.Kind == OutboxKind.CallInvite).Select(m => m.DedupKey).ToListAsync());
        Assert.Equal([CallEmailPlanner.InviteKey(booked.CallId, 0), CallEmailPlanner.InviteKey(booked.CallId, 1), CallEmailPlanner.InviteKey(booked.CallId, 2)], keys.Order());
        Assert.Contains(new DateTime(2026, 11, 30, 15, 0, 0, DateTimeKind.Utc), (await _app.SendAsync(null, new GetBookingSlots("maya", null))).Days.SelectMany(d => d.StartsUtc));
        await Assert.ThrowsAsync<ValidationException>(() => _app.SendAsync(_maya, new CancelCall(booked.CallId)));
    }

    [Fact]
    public async Task An_outcome_is_recorded_after_the_call_and_a_completed_lead_converts_with_a_season_plan()
    {
        var booked = await _app.SendAsync(null, BookingBuilder.NewBooking("maya", FirstSlot));
        var early = await Assert.ThrowsAsync<ValidationException>(() => _app.SendAsync(_maya, new RecordCallOutcome(booked.CallId, CallStatus.Completed, "x")));
        Assert.Equal("A call can be marked completed or no-show only once it has started.", early.Errors["Status"][0]);
        await Assert.ThrowsAsync<ValidationException>(() => _app.SendAsync(_maya, new ConvertLeadToClient(booked.CallId, null)));

        _app.Clock.SetUtcNow(FirstSlot.AddMinutes(40));
        await _app.SendAsync(_maya, new RecordCallOutcome(booked.CallId, CallStatus.Completed, "Strong Step 2; wants IM. Sent the price list."));
        var season = await _app.QueryAsync(db => db.Seasons.Where(s => s.System == TargetSystem.ErasNrmp).OrderBy(s => s.Name).FirstAsync());
        var clientId = await _app.SendAsync(_maya, new ConvertLeadToClient(booked.CallId, season.Id));

        var client = await _app.QueryAsync(db => db.Clients.Include(c => c.Notes).SingleAsync(c => c.Id == clientId));
        Assert.Equal((ClientStage.Onboarding, season.Name), (client.Stage, client.Season));
        Assert.Contains(client.Notes, n => n.Body.StartsWith("Converted to client after the strategy call of 26 Nov 2026", StringComparison.Ordinal));
        Assert.True(await _app.QueryAsync(db => db.Deadlines.AnyAsync(d => d.ClientId == clientId && d.SeasonId == season.Id)));
        var details = await _app.SendAsync(_maya, new GetClientDetails(clientId));
        Assert.Contains(details.Timeline, t => t.Changes.Any(c => c.Field == nameof(Client.Stage) && c.To == nameof(ClientStage.Onboarding)));
        var call = await _app.SendAsync(_maya, new GetCallDetails(booked.CallId));
        Assert.Equal((CallStatus.Completed, "Strong Step 2; wants IM. Sent the price list.", false), (call.Status, call.OutcomeNotes, call.CanConvert));
    }

    [Fact]
    public async Task Another_consultants_calls_do_not_exist_for_a_consultant()
    {
        var booked = await _app.SendAsync(null, BookingBuilder.NewBooking("maya", FirstSlot));
        var admin = await _app.AdminAsync();

        Assert.Empty((await _app.SendAsync(_daniel, new GetCallList())).Items);
        Assert.Single((await _app.SendAsync(_maya, new GetCallList())).Items);
        Assert.Single((await _app.SendAsync(admin, new GetCallList())).Items);
        await Assert.ThrowsAsync<NotFoundException>(() => _app.SendAsync(_daniel, new GetCallDetails(booked.CallId)));
        await Assert.ThrowsAsync<NotFoundException>(() => _app.SendAsync(_daniel, new CancelCall(booked.CallId)));
        await Assert.ThrowsAsync<NotFoundException>(() => _app.SendAsync(_daniel, new RecordCallOutcome(booked.CallId, CallStatus.Cancelled, null)));
        var mayaClient = await _app.QueryAsync(db => db.StrategyCalls.Where(c => c.Id == booked.CallId).Select(c => c.ClientId).SingleAsync());
        await Assert.ThrowsAsync<NotFoundException>(() => _app.SendAsync(_daniel, new BookCallForClient { ClientId = mayaClient, Date = new DateOnly(2026, 12, 2), Time = new TimeOnly(9, 0) }));
        Assert.Empty(await _app.SendAsync(null, new GetCallList()).ContinueWith(t => t.Result.Items));
    }

    [Fact]
    public async Task The_list_pages_and_filters_and_today_means_the_viewers_own_day()
    {
        // Six morning and six afternoon times on Thursday in New York (lunch, 12:00–13:00, is not offered).
        for (var i = 0; i < 12; i++)
            await _app.SendAsync(null, BookingBuilder.NewBooking("maya", FirstSlot.AddMinutes(30 * (i < 6 ? i : i + 2))));
        var bookedIds = await _app.QueryAsync(db => db.StrategyCalls.OrderBy(c => c.StartUtc).Select(c => c.Id).ToListAsync());
        await _app.SendAsync(_maya, new CancelCall(bookedIds[0]));

        var page2 = await _app.SendAsync(_maya, new GetCallList { PageSize = 10, Page = 2 });
        Assert.Equal((12, 2, 2), (page2.TotalCount, page2.PageCount, page2.Items.Count));
        Assert.Equal(11, (await _app.SendAsync(_maya, new GetCallList { Status = CallStatus.Booked })).TotalCount);
        Assert.Equal(0, (await _app.SendAsync(_maya, new GetCallList { ConsultantId = _daniel.Id })).TotalCount);
        Assert.Equal(12, (await _app.SendAsync(_maya, new GetCallList { Search = "priya" })).TotalCount);
        Assert.Equal(0, (await _app.SendAsync(_maya, new GetCallList { Period = CallPeriod.Past })).TotalCount);

        // 03:00 UTC on the 27th is still the 26th in New York: the day's booked calls, not the cancelled one.
        _app.Clock.SetUtcNow(new DateTime(2026, 11, 27, 3, 0, 0, DateTimeKind.Utc));
        Assert.Equal(11, (await _app.SendAsync(_maya, new GetTodaysCalls("America/New_York"))).Count);
        Assert.Empty(await _app.SendAsync(_daniel, new GetTodaysCalls("America/New_York")));
        Assert.Equal(12, (await _app.SendAsync(_maya, new GetCallList { Period = CallPeriod.Past })).TotalCount);
    }
}
