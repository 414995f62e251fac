using Consultancy.Application.Clients;
using Consultancy.Application.Domain;
using Consultancy.Application.Letters;
using Consultancy.Tests.Support;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace Consultancy.Tests.Application;

/// <summary>Follow-ups to referees who have not answered, on a fake clock, with mail to a real SMTP server.</summary>
public sealed class LetterFollowUpTests : IAsyncLifetime
{
    private const string Referee = "slow.referee@hospital.test";
    private readonly SmtpSink _smtp = new();
    private ApplicationHarness _app = null!;
    private TestUser _maya = null!;
    private DateTime _requestedAt;

    public async Task InitializeAsync()
    {
        _app = await ApplicationHarness.StartAsync(ApplicationHarness.SmtpSettings(_smtp));
        _maya = await TestUsers.CreateAsync(_app.Services, "maya.followups@consultancy.test");
        _requestedAt = _app.Clock.GetUtcNow().UtcDateTime;
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    [Fact]
    public async Task A_referee_who_does_not_answer_gets_a_follow_up_every_7_days_at_most_3_times()
    {
        var letterId = await RequestedLetterAsync(new DateOnly(2027, 2, 15));

        var planned = await FollowUpsAsync(letterId);
        Assert.Equal([1, 2, 3], planned.Select(m => m.FollowUpNumber!.Value));
        Assert.Equal([_requestedAt.AddDays(7), _requestedAt.AddDays(14), _requestedAt.AddDays(21)], planned.Select(m => m.DueAt));

        await _app.DispatchAsync();
        Assert.Single(ToReferee());
        foreach (var (followUp, count) in planned.Select((m, i) => (m, i + 2)))
        {
            _app.Clock.SetUtcNow(followUp.DueAt.AddSeconds(-1));
            await _app.DispatchAsync();
            Assert.Equal(count - 1, ToReferee().Count);
            _app.Clock.SetUtcNow(followUp.DueAt);
            await _app.DispatchAsync();
            Assert.Equal(count, ToReferee().Count);
        }
        _app.Clock.SetUtcNow(_requestedAt.AddDays(60));
        await _app.DispatchAsync();

        var emails = ToReferee();
        Assert.Equal(4, emails.Count);
        Assert.All(emails.Skip(1), e => Assert.Equal("Friendly reminder: letter of recommendation for Priya Sharma (due 15 Feb)", e.Subject));
        Assert.All(emails.Skip(1), e => Assert.Matches("^<https://crm.consultancy.test/letters/stop/[^>]+>$", e.Headers["List-Unsubscribe"]));
        Assert.All(emails.Skip(1), e => Assert.Equal("List-Unsubscribe=One-Click", e.Headers["List-Unsubscribe-Post"]));
        Assert.All(emails.Skip(1), e => Assert.Contains("https://crm.consultancy.test/letters/r/", e.TextBody));
        Assert.All(emails, e => Assert.Equal("maya.followups@consultancy.test", e.ReplyTo.Mailboxes.Single().Address));
    }

    [Fact]
    public async Task The_cadence_follows_Letters_FollowUpDays()
    {
        await using var app = await ApplicationHarness.StartAsync(new Dictionary<string, string?> { ["Letters:FollowUpDays"] = "3" });
        var maya = await TestUsers.CreateAsync(app.Services, "maya.cadence@consultancy.test");
        var clientId = await app.SendAsync(maya, ClientBuilder.NewClient());
        var letterId = await app.SendAsync(maya, LetterBuilder.NewLetter(clientId, new DateOnly(2027, 2, 15)));
        var now = app.Clock.GetUtcNow().UtcDateTime;

        await app.SendAsync(maya, new SendLetterRequest(letterId));

        var dueAts = await app.QueryAsync(db => db.OutboxMessages.Where(m => m.LetterRequestId == letterId && m.Kind == OutboxKind.LetterFollowUp)
            .OrderBy(m => m.DueAt).Select(m => m.DueAt).ToListAsync());
        Assert.Equal([now.AddDays(3), now.AddDays(6), now.AddDays(9)], dueAts);
    }

    [Fact]
    public async Task No_follow_up_is_planned_or_sent_after_the_due_date()
    {
        // Due on 5 Dec (Lagos): the 7-day follow-up (2 Dec) fits, the 14-day one (9 Dec) does not.
        var letterId = await RequestedLetterAsync(new DateOnly(2026, 12, 5));
        Assert.Equal([1], (await FollowUpsAsync(letterId)).Select(m => m.FollowUpNumber!.Value));

        // Moving the due date before the follow-up cancels it at once.
        var form = await _app.SendAsync(_maya, new GetLetterForEdit(letterId));
        await _app.SendAsync(_maya, form with { DueDate = new DateOnly(2026, 12, 1) });
        var followUp = (await FollowUpsAsync(letterId)).Single();
        Assert.Equal((OutboxStatus.Cancelled, "it would fall after the due date"), (followUp.Status, followUp.CancelReason));

        // Moved back, then the date changes behind the planner's back: the dispatcher re-checks before sending.
        await _app.SendAsync(_maya, (await _app.SendAsync(_maya, new GetLetterForEdit(letterId))) with { DueDate = new DateOnly(2026, 12, 5) });
        Assert.Equal(OutboxStatus.Pending, (await FollowUpsAsync(letterId)).Single().Status);
        await _app.QueryAsync(db => db.LetterRequests.Where(l => l.Id == letterId).ExecuteUpdateAsync(u => u.SetProperty(l => l.DueDate, new DateOnly(2026, 11, 30))));
        _app.Clock.SetUtcNow(_requestedAt.AddDays(7));
        await _app.DispatchAsync();

        Assert.Single(ToReferee());
        Assert.Equal((OutboxStatus.Cancelled, "the due date had passed"), ((await FollowUpsAsync(letterId)).Single().Status, (await FollowUpsAsync(letterId)).Single().CancelReason));
    }

    [Theory]
    [InlineData(LetterStatus.Confirmed, "the referee confirmed")]
    [InlineData(LetterStatus.Declined, "the referee declined")]
    [InlineData(LetterStatus.Uploaded, "the letter was uploaded")]
    public async Task An_answer_from_the_referee_stops_the_follow_ups(LetterStatus answer, string reason)
    {
        var letterId = await RequestedLetterAsync(new DateOnly(2027, 2, 15));
        await _app.DispatchAsync();
        var token = RefereeJourneyTests.TokenFrom(ToReferee().Single());
        _app.Clock.SetUtcNow(_requestedAt.AddDays(7));
        await _app.DispatchAsync();
        Assert.Equal(2, ToReferee().Count);

        await _app.SendAsync(null, new AnswerAsReferee(token, answer, UploadedOn: answer == LetterStatus.Uploaded ? new DateOnly(2026, 12, 2) : null));
        _app.Clock.SetUtcNow(_requestedAt.AddDays(60));
        await _app.DispatchAsync();

        Assert.Equal(2, ToReferee().Count);
        var followUps = await FollowUpsAsync(letterId);
        Assert.Equal([OutboxStatus.Sent, OutboxStatus.Cancelled, OutboxStatus.Cancelled], followUps.Select(m => m.Status));
        Assert.All(followUps.Skip(1), m => Assert.Equal(reason, m.CancelReason));
    }

    [Fact]
    public async Task The_one_click_opt_out_in_the_email_stops_every_follow_up_for_that_letter_only()
    {
        var letterId = await RequestedLetterAsync(new DateOnly(2027, 2, 15));
        await RequestedLetterAsync(new DateOnly(2027, 2, 15), "other.referee@hospital.test");
        await _app.DispatchAsync();
        var stopLink = ToReferee().Single().Headers["List-Unsubscribe"]!.Trim('<', '>');

        var stopped = await _app.SendAsync(null, new StopLetterFollowUps(stopLink.Split('/').Last()));
        _app.Clock.SetUtcNow(_requestedAt.AddDays(60));
        await _app.DispatchAsync();

        Assert.Equal(new FollowUpStop("Priya Sharma", true), stopped);
        Assert.Single(ToReferee());
        Assert.All(await FollowUpsAsync(letterId), m => Assert.Equal((OutboxStatus.Cancelled, "the referee opted out of follow-ups"), (m.Status, m.CancelReason)));
        Assert.Equal(3, _smtp.Messages.Count(m => m.To.Mailboxes.Any(a => a.Address == "other.referee@hospital.test") && m.Subject!.StartsWith("Friendly reminder")));
        Assert.Equal(LetterStatus.Requested, await _app.QueryAsync(db => db.LetterRequests.Where(l => l.Id == letterId).Select(l => l.Status).SingleAsync()));
        var timeline = (await _app.SendAsync(_maya, new GetClientDetails(await ClientOfAsync(letterId)))).Timeline;
        Assert.Contains(timeline, t => t.Changes.Contains(new AuditFieldChange(nameof(LetterRequest.FollowUpsStopped), "False", "True")));
    }

    [Fact]
    public async Task A_follow_up_is_re_checked_at_send_time_and_cancelled_with_the_reason()
    {
        var letterId = await RequestedLetterAsync(new DateOnly(2027, 2, 15));
        await _app.DispatchAsync();
        // Confirmed behind the planner's back, as a concurrent change could.
        await _app.QueryAsync(db => db.LetterRequests.Where(l => l.Id == letterId).ExecuteUpdateAsync(u => u.SetProperty(l => l.Status, LetterStatus.Confirmed)));
        _app.Clock.SetUtcNow(_requestedAt.AddDays(7));

        var result = await _app.DispatchAsync();

        Assert.Equal((0, 1), (result.Sent, result.Cancelled));
        Assert.Single(ToReferee());
        Assert.Equal("the referee confirmed", (await FollowUpsAsync(letterId))[0].CancelReason);
    }

    [Fact]
    public async Task A_forged_stop_token_changes_nothing()
    {
        var letterId = await RequestedLetterAsync(new DateOnly(2027, 2, 15));

        Assert.Equal(new FollowUpStop(null, false), await _app.SendAsync(null, new StopLetterFollowUps("CfDJ8-not-a-real-token")));
        Assert.Equal(new FollowUpStop(null, false), await _app.SendAsync(null, new ReadLetterStopToken("")));
        Assert.All(await FollowUpsAsync(letterId), m => Assert.Equal(OutboxStatus.Pending, m.Status));
    }

    private async Task<int> RequestedLetterAsync(DateOnly due, string refereeEmail = Referee)
    {
        var clientId = await _app.SendAsync(_maya, ClientBuilder.NewClient("Priya", "Sharma"));
        var letterId = await _app.SendAsync(_maya, LetterBuilder.NewLetter(clientId, due) with { RefereeEmail = refereeEmail });
        await _app.SendAsync(_maya, new SendLetterRequest(letterId));
        return letterId;
    }

    private Task<List<OutboxMessage>> FollowUpsAsync(int letterId) =>
        _app.QueryAsync(db => db.OutboxMessages.Where(m => m.LetterRequestId == letterId && m.Kind == OutboxKind.LetterFollowUp)
            .OrderBy(m => m.DedupKey).ToListAsync());

    private Task<int> ClientOfAsync(int letterId) =>
        _app.QueryAsync(db => db.LetterRequests.Where(l => l.Id == letterId).Select(l => l.ClientId).SingleAsync());

    private List<MimeMessage> ToReferee() => _smtp.Messages.Where(m => m.To.Mailboxes.Any(a => a.Address == Referee)).ToList();
}
