using Consultancy.Application.Common.Exceptions;
using Consultancy.Application.Domain;
using Consultancy.Application.StrategyCalls;
using Consultancy.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Consultancy.Tests.Application;

public sealed class AvailabilityTests : IAsyncLifetime
{
    private ApplicationHarness _app = null!;

    public async Task InitializeAsync() => _app = await ApplicationHarness.StartAsync();
    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_consultant_saves_weekly_hours_overrides_and_time_off_and_reads_them_back()
    {
        var maya = await _app.ConsultantAsync("maya@consultancy.test");
        var form = await _app.SendAsync(maya, new GetAvailabilityForEdit(null));
        Assert.Equal(("maya", 30, 12, 30, "09:00-12:00, 13:00-17:00", ""), (form.Slug, form.CallMinutes, form.MinimumNoticeHours, form.HorizonDays, form.Monday, form.Sunday));

        form.IsBookable = true;
        form.Slug = "maya-patel";
        form.MeetingLink = "https://meet.example.com/maya";
        form.Monday = "13:00-17:00, 08:30-12:00";
        form.Overrides = "2026-12-24 10:00-12:00\n2026-12-25 off";
        form.TimeOff = "2026-12-28 to 2027-01-02";
        await _app.SendAsync(maya, form);

        var saved = await _app.QueryAsync(db => db.ConsultantAvailabilities.SingleAsync(a => a.ConsultantId == maya.Id));
        Assert.Equal([new TimeRange(new(8, 30), new(12, 0)), new TimeRange(new(13, 0), new(17, 0))], saved.RangesOn(new DateOnly(2026, 12, 7)));
        Assert.Equal([new TimeRange(new(10, 0), new(12, 0))], saved.RangesOn(new DateOnly(2026, 12, 24)));
        Assert.Empty(saved.RangesOn(new DateOnly(2026, 12, 25)));
        Assert.Empty(saved.RangesOn(new DateOnly(2026, 12, 30)));
        var again = await _app.SendAsync(maya, new GetAvailabilityForEdit(null));
        Assert.Equal(("08:30-12:00, 13:00-17:00", "2026-12-24 10:00-12:00\n2026-12-25 off", "2026-12-28 to 2027-01-02"), (again.Monday, again.Overrides, again.TimeOff));
    }

    [Fact]
    public async Task Unreadable_hours_and_a_taken_address_get_field_messages_and_nothing_is_saved()
    {
        var maya = await _app.ConsultantAsync("maya@consultancy.test");
        var daniel = await _app.ConsultantAsync("daniel@consultancy.test");
        var form = await _app.SendAsync(maya, new GetAvailabilityForEdit(null));
        await _app.SendAsync(maya, form);

        var bad = await _app.SendAsync(daniel, new GetAvailabilityForEdit(null));
        bad.Tuesday = "17:00-09:00";
        bad.Overrides = "24/12/2026 off";
        bad.Slug = "Any Thing";
        var invalid = await Assert.ThrowsAsync<ValidationException>(() => _app.SendAsync(daniel, bad));
        Assert.Contains("Tuesday", invalid.Errors.Keys);
        Assert.Contains("Could not read \"24/12/2026 off\"", invalid.Errors["Overrides"][0]);
        Assert.Contains("Slug", invalid.Errors.Keys);

        var taken = await _app.SendAsync(daniel, new GetAvailabilityForEdit(null));
        taken.Slug = "maya";
        var duplicate = await Assert.ThrowsAsync<ValidationException>(() => _app.SendAsync(daniel, taken));
        Assert.Equal("Another consultant already uses this page address.", duplicate.Errors["Slug"][0]);
        Assert.Equal(1, await _app.QueryAsync(db => db.ConsultantAvailabilities.CountAsync()));
    }

    [Fact]
    public async Task Admins_edit_anyones_availability_and_consultants_only_their_own()
    {
        var admin = await _app.AdminAsync();
        var maya = await _app.ConsultantAsync("maya@consultancy.test");
        var daniel = await _app.ConsultantAsync("daniel@consultancy.test");

        await Assert.ThrowsAsync<ForbiddenException>(() => _app.SendAsync(daniel, new GetAvailabilityForEdit(maya.Id)));
        var form = await _app.SendAsync(admin, new GetAvailabilityForEdit(maya.Id));
        form.CallMinutes = 45;
        await _app.SendAsync(admin, form);
        var spoofed = await _app.SendAsync(daniel, new GetAvailabilityForEdit(null));
        spoofed.ConsultantId = maya.Id;
        await Assert.ThrowsAsync<ForbiddenException>(() => _app.SendAsync(daniel, spoofed));

        Assert.Equal(45, await _app.QueryAsync(db => db.ConsultantAvailabilities.Where(a => a.ConsultantId == maya.Id).Select(a => a.CallMinutes).SingleAsync()));
    }
}

public sealed class DemoBookingSeedTests
{
    [Fact]
    public async Task Demo_consultants_take_bookings_out_of_the_box_and_seeding_again_changes_nothing()
    {
        await using var app = await ApplicationHarness.StartAsync(new Dictionary<string, string?>
        {
            ["Seed:Demo"] = "true", ["Seed:DemoPassword"] = "Demo-Password-2028!",
        });
        var maya = await app.QueryAsync(db => db.UserProfiles.SingleAsync(u => u.Email == "consultant1@example.com"));
        var form = await app.Services.SendAsAsync(new TestUser(maya.Id, maya.Email, "", UserRole.Consultant), new GetAvailabilityForEdit(null));
        form.CallMinutes = 45;
        await app.Services.SendAsAsync(new TestUser(maya.Id, maya.Email, "", UserRole.Consultant), form);

        await Consultancy.Infrastructure.Persistence.DatabaseInitializer.InitializeAsync(app.Services, CancellationToken.None);

        var pages = await app.SendAsync(null, new GetBookableConsultants());
        Assert.Equal(["daniel-reyes", "maya-patel"], pages.Select(p => p.Slug).Order());
        Assert.Equal(45, pages.Single(p => p.Slug == "maya-patel").CallMinutes);
        Assert.NotEmpty((await app.SendAsync(null, new GetBookingSlots("maya-patel", "Asia/Kolkata"))).Days);
        Assert.Equal(2, await app.QueryAsync(db => db.ConsultantAvailabilities.CountAsync()));
    }
}
