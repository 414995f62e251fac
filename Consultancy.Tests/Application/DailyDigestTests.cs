using Consultancy.Application.Dashboard;
using Consultancy.Application.Deadlines;
using Consultancy.Application.Domain;
using Consultancy.Application.StrategyCalls;
using Consultancy.Application.Users;
using Consultancy.Infrastructure.Identity;
using Consultancy.Tests.Support;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Consultancy.Tests.Application;

/// <summary>The daily digest: after the send hour in each consultant's own zone, exactly one a day, through the outbox.</summary>
public sealed class DailyDigestTests : IAsyncLifetime
{
    private readonly SmtpSink _smtp = new();
    private ApplicationHarness _app = null!;

    public async Task InitializeAsync() =>
        _app = await ApplicationHarness.StartAsync(new Dictionary<string, string?>(ApplicationHarness.SmtpSettings(_smtp))
        {
            ["App:BaseUrl"] = "https://crm.consultancy.test",
        });

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    private Task<TestUser> ConsultantAsync(string email, string zone) => TestUsers.CreateAsync(_app.Services, email, UserRole.Consultant, zone);

    /// <summary>Runs the digest once, as its scheduled job does: as the system, past the caseload rule.</summary>
    private async Task<int> QueueAsync()
    {
        await using var scope = _app.Services.CreateSystemScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new QueueDailyDigests());
    }

    private Task<List<string>> DigestKeysAsync() =>
        _app.QueryAsync(db => db.OutboxMessages.Where(m => m.Kind == OutboxKind.Digest).OrderBy(m => m.Id).Select(m => m.DedupKey).ToListAsync());

    private void At(int day, int hour, int minute) => _app.Clock.SetUtcNow(new DateTimeOffset(2026, 11, day, hour, minute, 0, TimeSpan.Zero));

    [Fact]
    public async Task Each_consultant_gets_it_after_0730_in_their_own_zone()
    {
        var kolkata = await ConsultantAsync("kolkata@consultancy.test", "Asia/Kolkata");            // UTC+5:30
        var losAngeles = await ConsultantAsync("la@consultancy.test", "America/Los_Angeles");       // UTC-8

        At(26, 1, 59);   // 07:29 on 26 Nov in Kolkata; 17:59 on 25 Nov in Los Angeles
        Assert.Equal(1, await QueueAsync());
        Assert.Equal([$"digest:{losAngeles.Id}:2026-11-25"], await DigestKeysAsync());

        At(26, 2, 0);    // 07:30 in Kolkata
        Assert.Equal(1, await QueueAsync());
        At(26, 15, 29);  // 07:29 in Los Angeles
        Assert.Equal(0, await QueueAsync());
        At(26, 15, 30);  // 07:30 in Los Angeles
        Assert.Equal(1, await QueueAsync());

        Assert.Equal([$"digest:{losAngeles.Id}:2026-11-25", $"digest:{kolkata.Id}:2026-11-26", $"digest:{losAngeles.Id}:2026-11-26"], await DigestKeysAsync());
    }

    [Fact]
    public async Task Running_again_or_twice_at_once_still_writes_one_a_day()
    {
        await ConsultantAsync("twice@consultancy.test", "America/New_York");
        At(26, 13, 0);   // 08:00 in New York

        var first = await QueueAsync();
        var again = await QueueAsync();
        At(26, 13, 5);
        var racing = await Task.WhenAll(QueueAsync(), QueueAsync());

        Assert.Equal((1, 0, 0), (first, again, racing.Sum()));
        Assert.Single(await DigestKeysAsync());
    }

    [Fact]
    public async Task A_consultant_who_turned_it_off_gets_none_and_admins_get_none()
    {
        var off = await ConsultantAsync("off@consultancy.test", "America/New_York");
        var on = await ConsultantAsync("on@consultancy.test", "America/New_York");
        await _app.SendAsync(off, new UpdateMyProfile { DisplayName = "Off", TimeZoneId = "America/New_York", DailyDigest = false });
        Assert.False((await _app.SendAsync(off, new GetMyProfile())).DailyDigest);
        At(26, 13, 0);

        await QueueAsync();

        Assert.Equal([$"digest:{on.Id}:2026-11-26"], await DigestKeysAsync());
    }

    [Fact]
    public async Task The_digest_arrives_by_SMTP_with_todays_calls_overdue_deadlines_and_links()
    {
        var consultant = await ConsultantAsync("digest@consultancy.test", "America/New_York");
        await _app.OpenBookingAsync(consultant, "digest");
        var clientId = await _app.SendAsync(consultant, ClientBuilder.NewClient("Amara", "Okafor") with { Stage = ClientStage.Applied });
        await _app.SendAsync(consultant, new AddDeadline { ClientId = clientId, Title = "MSPE request", DueDate = new DateOnly(2026, 11, 20) });
        At(26, 12, 0);   // 07:00 in New York: book a call for 18:30 today, then wait for the send hour
        var callId = await _app.SendAsync(consultant, new BookCallForClient { ClientId = clientId, Date = new DateOnly(2026, 11, 26), Time = new TimeOnly(18, 30) });
        At(26, 12, 31);  // 07:31
        await QueueAsync();

        await _app.DispatchAsync();

        var mail = await _smtp.WaitForAsync(m => m.Subject?.StartsWith("Your day", StringComparison.Ordinal) == true);
        Assert.Equal("digest@consultancy.test", mail.To.Mailboxes.Single().Address);
        Assert.NotNull(mail.TextBody);
        Assert.Equal("Your day, Thursday 26 November: 1 call, 1 overdue, 0 letters waiting", mail.Subject);
        Assert.Contains("18:30 Amara Okafor", mail.TextBody);
        Assert.Contains($"https://crm.consultancy.test/Calls/Details/{callId}", mail.TextBody);
        Assert.Contains("20 Nov Amara Okafor: MSPE request", mail.TextBody);
        Assert.Contains($"https://crm.consultancy.test/Clients/Details/{clientId}#deadlines", mail.TextBody);
        Assert.Contains("No letters waiting.", mail.TextBody);
        Assert.Contains("<a href=\"https://crm.consultancy.test/Deadlines?window=Overdue\">", mail.HtmlBody);
        var row = await _app.QueryAsync(db => db.OutboxMessages.SingleAsync(m => m.Kind == OutboxKind.Digest));
        Assert.Equal(OutboxStatus.Sent, row.Status);
    }
}
