using System.Net;
using Consultancy.Application.Domain;
using Consultancy.Application.StrategyCalls;
using Consultancy.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Consultancy.Infrastructure.Identity;
using Consultancy.Infrastructure.Persistence;

namespace Consultancy.Tests.Web;

public sealed class BookingPagesTests : IAsyncLifetime
{
    // Wednesday 25 November 2026, 14:00 UTC; the first free time is Thursday 09:00 in New York (14:00 UTC).
    private static readonly DateTime FirstSlot = new(2026, 11, 26, 14, 0, 0, DateTimeKind.Utc);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 25, 14, 0, 0, TimeSpan.Zero));
    private readonly AppFactory _app;
    private TestUser _maya = null!;

    public BookingPagesTests() => _app = new AppFactory { Clock = _clock };

    public async Task InitializeAsync()
    {
        _maya = await _app.ConsultantAsync("maya@consultancy.test");
        await _app.Services.OpenBookingAsync(_maya, "maya");
    }

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    private static string SlotUrl(DateTime start, string zone = "Asia/Kolkata") =>
        $"/book/maya/details?start={start:yyyy-MM-ddTHH:mm:ssZ}&tz={Uri.EscapeDataString(zone)}";

    private static Dictionary<string, string> Details(string email) => new()
    {
        ["FirstName"] = "Priya", ["LastName"] = "Sharma", ["Email"] = email, ["Phone"] = "",
        ["TargetSystem"] = "0", ["MedicalSchoolCountry"] = "India", ["GraduationYear"] = "2022",
        ["Topic"] = "Which programs to apply to.",
    };

    [Fact]
    public async Task A_visitor_sees_free_times_in_their_zone_books_one_and_lands_on_their_call()
    {
        var visitor = new BrowserlessSession(_app.NewBrowserlessClient());

        var list = await visitor.GetPageAsync("/book");
        Assert.NotNull(list.QuerySelector("a[href='/book/maya']"));
        Assert.NotNull(list.QuerySelector("a[href='/book/any']"));

        var slots = await visitor.GetPageAsync("/book/maya?tz=Asia%2FKolkata");
        Assert.Equal("Asia/Kolkata", slots.QuerySelector("select#tz option[selected]")!.GetAttribute("value"));
        var first = slots.QuerySelector("a.slot")!;
        Assert.Equal("19:30", first.TextContent.Trim());                   // 09:00 in New York
        Assert.Equal("Thursday 26 November", slots.QuerySelector(".slot-days h2")!.TextContent.Trim());
        Assert.NotNull(slots.QuerySelector("script[src^='/js/booking.js']"));
        Assert.Null(slots.QuerySelector("script:not([src])"));

        // Without a zone (no script ran) the consultant's zone is used, and named.
        var noScript = await visitor.GetPageAsync("/book/maya");
        Assert.Equal("America/New_York", noScript.QuerySelector("select#tz option[selected]")!.GetAttribute("value"));
        Assert.Equal("09:00", noScript.QuerySelector("a.slot")!.TextContent.Trim());

        var response = await visitor.SubmitAsync(SlotUrl(FirstSlot), "main form[method=post]", Details("priya@applicant.test"));
        Assert.True(HttpStatusCode.Redirect == response.StatusCode, await response.Content.ReadAsStringAsync());
        var manage = await visitor.GetPageAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("You're booked, Priya!", manage.QuerySelector("[role=status]")!.TextContent);
        Assert.Contains("Thursday 26 November 2026, 19:30 (Asia/Kolkata)", manage.QuerySelector("dl")!.TextContent);

        await using var scope = _app.Services.CreateSystemScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var client = await db.Clients.SingleAsync(c => c.Email == "priya@applicant.test");
        Assert.Equal((ClientStage.CallBooked, _maya.Id), (client.Stage, client.ConsultantId));
    }

    [Fact]
    public async Task A_form_with_missing_details_comes_back_with_messages_and_what_was_typed()
    {
        var visitor = new BrowserlessSession(_app.NewBrowserlessClient());
        var details = Details("priya@applicant.test");
        details["MedicalSchoolCountry"] = "";
        details["FirstName"] = "Pri";

        var response = await visitor.SubmitAsync(SlotUrl(FirstSlot), "main form[method=post]", details);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await BrowserlessSession.ParseAsync(response);
        Assert.Contains("Enter the country of your medical school.", page.QuerySelector("[data-valmsg-for=MedicalSchoolCountry]")!.TextContent);
        Assert.Equal("Pri", page.QuerySelector("input#FirstName")!.GetAttribute("value"));
        Assert.Contains("19:30", page.QuerySelector("p.lead")!.TextContent);
    }

    [Fact]
    public async Task A_name_on_two_lines_is_refused_with_a_message_and_nothing_is_booked()
    {
        var visitor = new BrowserlessSession(_app.NewBrowserlessClient());
        var details = Details("two.lines@applicant.test");
        details["FirstName"] = "Priya\r\nBcc: everyone@applicant.test";
        details["LastName"] = "Sharma\u0007";

        var response = await visitor.SubmitAsync(SlotUrl(FirstSlot), "main form[method=post]", details);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await BrowserlessSession.ParseAsync(response);
        Assert.Equal("“First name” must be on one line, without control characters.", page.QuerySelector("[data-valmsg-for=FirstName]")!.TextContent.Trim());
        Assert.Equal("“Last name” must be on one line, without control characters.", page.QuerySelector("[data-valmsg-for=LastName]")!.TextContent.Trim());
        await using var scope = _app.Services.CreateSystemScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.False(await db.Clients.AnyAsync(c => c.Email == "two.lines@applicant.test"));
        Assert.False(await db.StrategyCalls.AnyAsync());
    }

    [Fact]
    public async Task The_second_visitor_for_the_same_time_is_told_it_was_just_taken_and_sees_fresh_times()
    {
        var first = new BrowserlessSession(_app.NewBrowserlessClient());
        var second = new BrowserlessSession(_app.NewBrowserlessClient());
        var firstForm = await first.GetPageAsync(SlotUrl(FirstSlot));
        var secondForm = await second.GetPageAsync(SlotUrl(FirstSlot));

        Assert.Equal(HttpStatusCode.Redirect, (await first.SubmitAsync(firstForm, SlotUrl(FirstSlot), "main form[method=post]", Details("one@applicant.test"))).StatusCode);
        var lost = await second.SubmitAsync(secondForm, SlotUrl(FirstSlot), "main form[method=post]", Details("two@applicant.test"));

        Assert.Equal(HttpStatusCode.Redirect, lost.StatusCode);
        Assert.Equal("/book/maya?tz=Asia%2FKolkata", lost.Headers.Location!.OriginalString);
        var fresh = await second.GetPageAsync(lost.Headers.Location.OriginalString);
        Assert.Contains("That time was just taken", fresh.QuerySelector("[role=alert]")!.TextContent);
        Assert.Equal("20:00", fresh.QuerySelector("a.slot")!.TextContent.Trim());
    }

    [Fact]
    public async Task Booking_posts_from_one_address_are_rate_limited()
    {
        using var limited = new AppFactory { Clock = _clock }
            .With("RateLimits:Booking:PermitLimit", "4").With("RateLimits:Booking:WindowSeconds", "3600");
        await limited.Services.OpenBookingAsync(await limited.ConsultantAsync("maya@consultancy.test"), "maya");
        var visitor = new BrowserlessSession(limited.NewBrowserlessClient());
        var page = await visitor.GetPageAsync(SlotUrl(FirstSlot.AddDays(1)));
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            var details = Details($"flood{i}@applicant.test");
            details["Topic"] = "";
            statuses.Add((await visitor.SubmitAsync(page, SlotUrl(FirstSlot.AddDays(1)), "main form[method=post]", details)).StatusCode);
        }

        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task An_applicant_moves_and_cancels_through_the_manage_link_and_bad_links_get_a_clear_page()
    {
        var visitor = new BrowserlessSession(_app.NewBrowserlessClient());
        var booked = await visitor.SubmitAsync(SlotUrl(FirstSlot), "main form[method=post]", Details("mover@applicant.test"));
        var manageUrl = booked.Headers.Location!.OriginalString.Split('?')[0];

        var slots = await visitor.GetPageAsync(manageUrl + "/reschedule?tz=Asia%2FKolkata");
        var later = slots.QuerySelectorAll("a.slot").First(a => a.TextContent.Trim() == "21:30");
        var confirm = later.GetAttribute("href")!;
        var moved = await visitor.SubmitAsync(confirm, "main form[method=post]", []);
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        var page = await visitor.GetPageAsync(manageUrl);
        Assert.Contains("Your call has moved", page.QuerySelector("[role=status]")!.TextContent);
        Assert.Contains("21:30 (Asia/Kolkata)", page.QuerySelector("dl")!.TextContent);

        var cancelled = await visitor.SubmitAsync(manageUrl, "form[action$='/cancel']", []);
        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        page = await visitor.GetPageAsync(manageUrl);
        Assert.Contains("Cancelled", page.QuerySelector("dl")!.TextContent);
        Assert.Null(page.QuerySelector("form[action$='/cancel']"));
        var free = await visitor.GetPageAsync("/book/maya?tz=Asia%2FKolkata");
        Assert.Contains("21:30", free.QuerySelectorAll("a.slot").Select(a => a.TextContent.Trim()));

        foreach (var bad in new[] { manageUrl[..^5] + "xxxxx", "/book/manage/garbage", "/book/manage/garbage/reschedule" })
        {
            var response = await visitor.Http.GetAsync(bad);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Contains("This link is not valid any more", await response.Content.ReadAsStringAsync());
        }
        var forgedCancel = await visitor.PostAsync("/book/manage/garbage/cancel", SlotUrl(FirstSlot.AddDays(1)), []);
        Assert.Equal(HttpStatusCode.NotFound, forgedCancel.StatusCode);
    }

    [Fact]
    public async Task A_call_that_has_started_ended_or_was_a_no_show_cannot_be_moved_or_cancelled_from_the_manage_link()
    {
        var visitor = new BrowserlessSession(_app.NewBrowserlessClient());
        var booked = await visitor.SubmitAsync(SlotUrl(FirstSlot), "main form[method=post]", Details("late@applicant.test"));
        var manageUrl = booked.Headers.Location!.OriginalString.Split('?')[0];
        // Pages the applicant opened while the call was still ahead, and posts later.
        var managePage = await visitor.GetPageAsync(manageUrl);
        var slots = await visitor.GetPageAsync(manageUrl + "/reschedule?tz=Asia%2FKolkata");
        var confirmUrl = slots.QuerySelectorAll("a.slot").First(a => a.TextContent.Trim() == "19:30" && a.GetAttribute("href")!.Contains("2026-11-27")).GetAttribute("href")!;
        var confirmPage = await visitor.GetPageAsync(confirmUrl);
        var callId = await CallIdAsync("late@applicant.test");
        const string reason = "Thursday 26 November 2026, 19:30 (Asia/Kolkata) and can no longer be moved or cancelled. Contact your advisor";

        foreach (var (now, outcome) in new[] { (FirstSlot.AddMinutes(10), (CallStatus?)null), (FirstSlot.AddHours(2), null), (FirstSlot.AddHours(2), CallStatus.NoShow) })
        {
            _clock.SetUtcNow(now);
            if (outcome is { } status) await _app.Services.SendAsAsync(_maya, new RecordCallOutcome(callId, status, null));

            var page = await visitor.GetPageAsync(manageUrl);
            Assert.Null(page.QuerySelector("form[action$='/cancel']"));
            Assert.Null(page.QuerySelector("a[href*='/reschedule']"));
            Assert.Contains(reason, page.QuerySelector("main")!.TextContent);
            var noTimes = await visitor.GetPageAsync(manageUrl + "/reschedule?tz=Asia%2FKolkata");
            Assert.Empty(noTimes.QuerySelectorAll("a.slot"));
            Assert.Contains(reason, noTimes.QuerySelector("main")!.TextContent);

            foreach (var (form, formPage) in new[] { ("form[action$='/reschedule']", confirmPage), ("form[action$='/cancel']", managePage) })
            {
                var refused = await visitor.SubmitAsync(formPage, manageUrl, form, []);
                Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
                Assert.Equal(manageUrl, refused.Headers.Location!.OriginalString);
                var shown = await visitor.GetPageAsync(manageUrl);
                Assert.Contains(reason, shown.QuerySelector("[role=alert]")!.TextContent);
            }
            var call = await CallAsync(callId);
            Assert.Equal((FirstSlot, 0, outcome ?? CallStatus.Booked), (call.StartUtc, call.Sequence, call.Status));
        }
    }

    [Fact]
    public async Task A_posted_time_the_page_never_offered_is_refused_with_its_real_reason()
    {
        var visitor = new BrowserlessSession(_app.NewBrowserlessClient());
        var form = await visitor.GetPageAsync(SlotUrl(FirstSlot));
        var refusals = new Dictionary<string, DateTime>
        {
            ["That time is outside the hours calls are offered."] = FirstSlot.AddHours(3.5),           // Thursday 12:30 in New York, lunch
            ["calls start every 30 minutes"] = FirstSlot.AddMinutes(10),                              // Thursday 09:10
            ["That time has already passed."] = FirstSlot.AddDays(-2),                               // Tuesday 09:00
            ["Calls need at least 12 hours' notice"] = new(2026, 11, 25, 20, 0, 0, DateTimeKind.Utc), // today 15:00
            ["Calls can be booked at most 30 days ahead"] = FirstSlot.AddDays(32),                   // Monday 28 December 09:00
        };

        foreach (var (reason, start) in refusals)
        {
            var details = Details("priya@applicant.test");
            details["StartUtc"] = $"{start:yyyy-MM-ddTHH:mm:ssZ}";
            var refused = await visitor.SubmitAsync(form, SlotUrl(FirstSlot), "main form[method=post]", details);

            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.Equal("/book/maya?tz=Asia%2FKolkata", refused.Headers.Location!.OriginalString);
            var alert = (await visitor.GetPageAsync(refused.Headers.Location.OriginalString)).QuerySelector("[role=alert]")!.TextContent;
            Assert.Contains(reason, alert);
            Assert.DoesNotContain("just taken", alert);
        }
        await using var scope = _app.Services.CreateSystemScope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<AppDbContext>().StrategyCalls.CountAsync());
    }

    [Fact]
    public async Task A_link_to_a_time_that_was_never_offered_and_a_move_to_one_say_what_is_wrong()
    {
        var visitor = new BrowserlessSession(_app.NewBrowserlessClient());

        var link = await visitor.Http.GetAsync(SlotUrl(FirstSlot.AddMinutes(10)));
        Assert.Equal("/book/maya?tz=Asia%2FKolkata", link.Headers.Location!.OriginalString);
        Assert.Contains("calls start every 30 minutes", (await visitor.GetPageAsync(link.Headers.Location.OriginalString)).QuerySelector("[role=alert]")!.TextContent);

        var booked = await visitor.SubmitAsync(SlotUrl(FirstSlot), "main form[method=post]", Details("mover@applicant.test"));
        var manageUrl = booked.Headers.Location!.OriginalString.Split('?')[0];
        var soon = new DateTime(2026, 11, 25, 20, 0, 0, DateTimeKind.Utc);   // today 15:00 in New York, inside the notice
        var moved = await visitor.SubmitAsync($"{manageUrl}/reschedule/confirm?start={soon:yyyy-MM-ddTHH:mm:ssZ}&tz=Asia%2FKolkata", "main form[method=post]", []);

        Assert.Equal($"{manageUrl}/reschedule?tz=Asia%2FKolkata", moved.Headers.Location!.OriginalString);
        var alert = (await visitor.GetPageAsync(moved.Headers.Location.OriginalString)).QuerySelector("[role=alert]")!.TextContent;
        Assert.Contains("Calls need at least 12 hours' notice", alert);
        Assert.Equal(FirstSlot, (await CallAsync(await CallIdAsync("mover@applicant.test"))).StartUtc);
    }

    [Fact]
    public async Task An_unknown_advisor_is_a_not_found_page_on_get_and_post()
    {
        var visitor = new BrowserlessSession(_app.NewBrowserlessClient());
        var details = Details("lost@applicant.test");
        details["StartUtc"] = $"{FirstSlot:yyyy-MM-ddTHH:mm:ssZ}";
        details["TimeZoneId"] = "Asia/Kolkata";

        var responses = new[]
        {
            await visitor.Http.GetAsync("/book/nobody"),
            await visitor.Http.GetAsync($"/book/nobody/details?start={FirstSlot:yyyy-MM-ddTHH:mm:ssZ}"),
            await visitor.PostAsync("/book/nobody/details", SlotUrl(FirstSlot), details),
        };

        foreach (var response in responses)
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Contains("There is nothing here", await response.Content.ReadAsStringAsync());
        }
    }

    private async Task<int> CallIdAsync(string email)
    {
        await using var scope = _app.Services.CreateSystemScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().StrategyCalls.Where(c => c.Client!.Email == email).Select(c => c.Id).SingleAsync();
    }

    private async Task<StrategyCall> CallAsync(int id)
    {
        await using var scope = _app.Services.CreateSystemScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().StrategyCalls.AsNoTracking().SingleAsync(c => c.Id == id);
    }

    [Fact]
    public async Task The_optional_pathway_answers_are_checked_on_the_public_form_and_stored_on_the_lead()
    {
        var visitor = new BrowserlessSession(_app.NewBrowserlessClient());
        var details = new Dictionary<string, string>(Details("nadia@applicant.test"))
        {
            ["Step2CkScore"] = "999", ["Step2CkAttempts"] = "0", ["VisaNeed"] = "", ["TargetSpecialty"] = new string('x', 150),
        };

        var refused = await visitor.SubmitAsync(SlotUrl(FirstSlot), "main form[method=post]", details);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var form = await BrowserlessSession.ParseAsync(refused);
        Assert.Contains("between 1 and 300", form.QuerySelector("[data-valmsg-for=Step2CkScore]")!.TextContent);
        Assert.Contains("from 1 to 9", form.QuerySelector("[data-valmsg-for=Step2CkAttempts]")!.TextContent);
        Assert.Contains("under 100 characters", form.QuerySelector("[data-valmsg-for=TargetSpecialty]")!.TextContent);

        // Answers that are no number or choice at all: the form again with messages, not an error page.
        var unreadable = await visitor.SubmitAsync(SlotUrl(FirstSlot), "main form[method=post]", new Dictionary<string, string>(details)
        {
            ["Step2CkScore"] = "high", ["Step2CkAttempts"] = "99999999999", ["VisaNeed"] = "Martian",
        });
        Assert.Equal(HttpStatusCode.BadRequest, unreadable.StatusCode);
        form = await BrowserlessSession.ParseAsync(unreadable);
        foreach (var field in new[] { "Step2CkScore", "Step2CkAttempts", "VisaNeed" })
            Assert.NotEmpty(form.QuerySelector($"[data-valmsg-for={field}]")!.TextContent.Trim());
        Assert.Null(await _app.QueryAsync(db => db.Clients.SingleOrDefaultAsync(c => c.Email == "nadia@applicant.test")));

        details["Step2CkScore"] = "247"; details["Step2CkAttempts"] = "1"; details["VisaNeed"] = "J1"; details["TargetSpecialty"] = "Pediatrics";
        var booked = await visitor.SubmitAsync(SlotUrl(FirstSlot), "main form[method=post]", details);

        Assert.Equal(HttpStatusCode.Redirect, booked.StatusCode);
        var client = await _app.QueryAsync(db => db.Clients.SingleAsync(c => c.Email == "nadia@applicant.test"));
        Assert.Equal((247, 1, VisaNeed.J1, "Pediatrics"), (client.Step2CkScore, client.Step2CkAttempts, client.VisaNeed, client.TargetSpecialties));
        var consultant = await BrowserlessSession.SignInAsync(_app, _maya);
        var callId = await _app.QueryAsync(db => db.StrategyCalls.Where(c => c.ClientId == client.Id).Select(c => c.Id).SingleAsync());
        var call = (await consultant.GetPageAsync($"/Calls/Details/{callId}")).QuerySelector("main")!.TextContent;
        Assert.Contains("247", call);
        Assert.Contains("J-1", call);
        Assert.Contains("Pediatrics", call);
    }
}
