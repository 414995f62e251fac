using System.Net;
using Consultancy.Application.Deadlines;
using Consultancy.Application.Domain;
using Consultancy.Application.StrategyCalls;
using Consultancy.Tests.Support;
using AngleSharp.Dom;
using Ical.Net;

namespace Consultancy.Tests.Web;

/// <summary>The private calendar feed: made and reset on the profile page, read by calendar apps without signing in.</summary>
public sealed class CalendarFeedTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string ResetForm = "form[action='/Profile/ResetCalendarFeed']";

    private async Task<string> CreateFeedAsync(BrowserlessSession session)
    {
        var response = await session.SubmitAsync("/Profile/Edit", ResetForm, []);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var profile = await session.GetPageAsync("/Profile/Edit");
        var url = profile.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#calendar-feed-url")!.Value;
        // Built from App:BaseUrl (appsettings.json's default here), never from the request's host.
        Assert.Matches(@"^http://localhost:5288/calendar/[A-Za-z0-9_-]{43}\.ics$", url);
        return new Uri(url).PathAndQuery;
    }

    [Fact]
    public async Task The_feed_holds_the_consultants_calls_and_their_clients_open_deadlines_and_nobody_elses()
    {
        var maya = await app.ConsultantAsync("feed1@consultancy.test");
        var other = await app.ConsultantAsync("feed1-other@consultancy.test");
        await app.Services.OpenBookingAsync(maya, "feed-maya");
        var clientId = await app.Services.SendAsAsync(maya, ClientBuilder.NewClient("Amara", "Okafor") with { Stage = ClientStage.Lead });
        var day = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(3));
        await app.Services.SendAsAsync(maya, new BookCallForClient { ClientId = clientId, Date = day, Time = new TimeOnly(10, 0) });
        await app.Services.SendAsAsync(maya, new AddDeadline { ClientId = clientId, Title = "ERAS submission", DueDate = new DateOnly(2030, 9, 25) });
        var done = await app.Services.SendAsAsync(maya, new AddDeadline { ClientId = clientId, Title = "Already done", DueDate = new DateOnly(2030, 9, 1) });
        await app.Services.SendAsAsync(maya, new ChangeDeadlineStatus(done, DeadlineStatus.Done));
        var othersClient = await app.Services.SendAsAsync(other, ClientBuilder.NewClient("Bilal") with { Stage = ClientStage.Applied });
        await app.Services.SendAsAsync(other, new AddDeadline { ClientId = othersClient, Title = "Someone else's deadline", DueDate = new DateOnly(2030, 9, 20) });
        var path = await CreateFeedAsync(await BrowserlessSession.SignInAsync(app, maya));

        var response = await app.NewBrowserlessClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        var calendar = Calendar.Load(await response.Content.ReadAsStringAsync())!;
        var summaries = calendar.Events.Select(e => e.Summary).Order().ToList();
        Assert.Equal(["Due: ERAS submission (Amara Okafor)", "Strategy call: Amara Okafor"], summaries);
        var deadline = calendar.Events.Single(e => e.Summary!.StartsWith("Due:", StringComparison.Ordinal));
        Assert.Equal((new DateOnly(2030, 9, 25), false), (DateOnly.FromDateTime(deadline.DtStart!.Value), deadline.DtStart.HasTime));
        var call = calendar.Events.Single(e => e.Summary!.StartsWith("Strategy call", StringComparison.Ordinal));
        var tenInNewYork = TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(new TimeOnly(10, 0)), TimeZoneInfo.FindSystemTimeZoneById("America/New_York"));
        Assert.Equal(tenInNewYork, call.DtStart!.AsUtc);
    }

    [Fact]
    public async Task Resetting_the_link_revokes_the_old_address_and_unknown_tokens_are_not_found()
    {
        var consultant = await app.ConsultantAsync("feed2@consultancy.test");
        var session = await BrowserlessSession.SignInAsync(app, consultant);
        var anonymous = app.NewBrowserlessClient();
        var first = await CreateFeedAsync(session);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(first)).StatusCode);

        var second = await CreateFeedAsync(session);

        Assert.NotEqual(first, second);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(first)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(second)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/calendar/not-a-real-token.ics")).StatusCode);
    }
}
