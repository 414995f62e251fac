using Consultancy.Application.Clients;
using Consultancy.Application.Common.Exceptions;
using Consultancy.Application.Domain;
using Consultancy.Application.StrategyCalls;
using Consultancy.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Tests.Application;

/// <summary>The booking form's optional pathway questions: stored on the lead, shown on the call, kept on conversion, never over known facts.</summary>
public sealed class BookingPathwayTests : IAsyncLifetime
{
    // The harness clock: Wednesday 25 November 2026, 14:00 UTC; with 12 hours' notice the first free time is this one.
    private static readonly DateTime FirstSlot = new(2026, 11, 26, 14, 0, 0, DateTimeKind.Utc);
    private ApplicationHarness _app = null!;
    private TestUser _maya = null!;

    public async Task InitializeAsync()
    {
        _app = await ApplicationHarness.StartAsync();
        _maya = await _app.ConsultantAsync("maya@consultancy.test");
        await _app.OpenBookingAsync(_maya, "maya");
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static BookCall WithPathway(DateTime start, string email) => BookingBuilder.NewBooking("maya", start, email: email) with
    {
        TargetSystem = TargetSystem.Both, GraduationYear = 2019, Step2CkScore = 244, Step2CkAttempts = 1,
        VisaNeed = VisaNeed.H1B, TargetSpecialty = " Internal Medicine ",
    };

    [Fact]
    public async Task A_booking_with_pathway_answers_gives_the_lead_them_the_call_shows_them_and_conversion_keeps_them()
    {
        var booked = await _app.SendAsync(null, WithPathway(FirstSlot, "lina@applicant.test"));

        var client = await _app.QueryAsync(db => db.Clients.SingleAsync(c => c.Email == "lina@applicant.test"));
        Assert.Equal((TargetSystem.Both, 2019, 244, 1, VisaNeed.H1B, "Internal Medicine"),
            (client.TargetSystem, client.GraduationYear, client.Step2CkScore, client.Step2CkAttempts, client.VisaNeed, client.TargetSpecialties));
        var call = await _app.SendAsync(_maya, new GetCallDetails(booked.CallId));
        Assert.Equal((244, 1, VisaNeed.H1B, "Internal Medicine"), (call.Step2CkScore, call.Step2CkAttempts, call.VisaNeed, call.TargetSpecialties));

        _app.Clock.SetUtcNow(FirstSlot.AddMinutes(40));
        await _app.SendAsync(_maya, new RecordCallOutcome(booked.CallId, CallStatus.Completed, "Wants IM."));
        var clientId = await _app.SendAsync(_maya, new ConvertLeadToClient(booked.CallId, null));

        var profile = (await _app.SendAsync(_maya, new GetClientDetails(clientId))).Profile;
        Assert.Equal((ClientStage.Onboarding, 2019, 244, 1, VisaNeed.H1B, "Internal Medicine"),
            (profile.Stage, profile.GraduationYear, profile.Step2CkScore, profile.Step2CkAttempts, profile.VisaNeed, profile.TargetSpecialties));
    }

    [Fact]
    public async Task A_booking_without_the_optional_answers_is_accepted_and_leaves_them_empty()
    {
        await _app.SendAsync(null, BookingBuilder.NewBooking("maya", FirstSlot, email: "plain@applicant.test"));

        var client = await _app.QueryAsync(db => db.Clients.SingleAsync(c => c.Email == "plain@applicant.test"));
        Assert.Equal(((int?)null, (int?)null, VisaNeed.None, (string?)null), (client.Step2CkScore, client.Step2CkAttempts, client.VisaNeed, client.TargetSpecialties));
    }

    [Fact]
    public async Task A_returning_address_fills_gaps_but_never_overwrites_what_the_consultancy_knows()
    {
        var known = ClientBuilder.NewClient("Omar", "Farouk") with
        {
            Email = "omar@applicant.test", Step2CkScore = 251, Step2CkAttempts = 2, VisaNeed = VisaNeed.J1, TargetSpecialties = "Family Medicine",
            Stage = ClientStage.Onboarding,
        };
        var clientId = await _app.SendAsync(_maya, known);
        var lead = await _app.SendAsync(_maya, ClientBuilder.NewClient("Sara", "Nouri") with { Email = "sara@applicant.test", VisaNeed = VisaNeed.J1OrH1B, Stage = ClientStage.Lead });
        var gaps = await _app.SendAsync(_maya, ClientBuilder.NewClient("Ravi", "Iyer") with { Email = "ravi@applicant.test", TargetSpecialties = null, Stage = ClientStage.Lead });

        await _app.SendAsync(null, WithPathway(FirstSlot, "omar@applicant.test"));
        await _app.SendAsync(null, WithPathway(FirstSlot.AddHours(1), "sara@applicant.test") with { Step2CkScore = null });
        await _app.SendAsync(null, WithPathway(FirstSlot.AddHours(2), "ravi@applicant.test"));

        var omar = (await _app.SendAsync(_maya, new GetClientDetails(clientId))).Profile;
        Assert.Equal((251, 2, VisaNeed.J1, "Family Medicine", ClientStage.Onboarding),
            (omar.Step2CkScore, omar.Step2CkAttempts, omar.VisaNeed, omar.TargetSpecialties, omar.Stage));
        var sara = (await _app.SendAsync(_maya, new GetClientDetails(lead))).Profile;
        Assert.Equal(((int?)null, 1, VisaNeed.J1OrH1B, "Internal Medicine"), (sara.Step2CkScore, sara.Step2CkAttempts, sara.VisaNeed, sara.TargetSpecialties));
        var ravi = (await _app.SendAsync(_maya, new GetClientDetails(gaps))).Profile;
        Assert.Equal((244, 1, VisaNeed.J1, "Internal Medicine"), (ravi.Step2CkScore, ravi.Step2CkAttempts, ravi.VisaNeed, ravi.TargetSpecialties));
    }

    [Fact]
    public async Task Out_of_range_pathway_answers_are_refused_with_messages_and_nothing_is_booked()
    {
        var bad = WithPathway(FirstSlot, "bad@applicant.test") with
        {
            Step2CkScore = 301, Step2CkAttempts = 0, VisaNeed = (VisaNeed)77, TargetSpecialty = new string('x', 101),
        };

        var invalid = await Assert.ThrowsAsync<ValidationException>(() => _app.SendAsync(null, bad));

        Assert.Equal(["Step2CkAttempts", "Step2CkScore", "TargetSpecialty", "VisaNeed"], invalid.Errors.Keys.Order());
        Assert.Equal("Choose your visa need from the list, or leave it empty.", invalid.Errors["VisaNeed"].Single());
        Assert.Equal(0, await _app.QueryAsync(db => db.StrategyCalls.CountAsync()));
    }
}
