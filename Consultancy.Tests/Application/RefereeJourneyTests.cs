using Consultancy.Application.Clients;
using Consultancy.Application.Common.Exceptions;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using Consultancy.Application.Letters;
using Consultancy.Application.Reminders;
using Consultancy.Infrastructure.Identity;
using Consultancy.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Consultancy.Tests.Application;

/// <summary>The referee's side: the request email, their personal link, and their answers, with mail to a real SMTP server.</summary>
public sealed class RefereeJourneyTests : IAsyncLifetime
{
    private static readonly DateOnly Due = new(2027, 1, 15);
    private readonly SmtpSink _smtp = new();
    private ApplicationHarness _app = null!;
    private TestUser _maya = null!;

    public async Task InitializeAsync()
    {
        _app = await ApplicationHarness.StartAsync(ApplicationHarness.SmtpSettings(_smtp));
        _maya = await TestUsers.CreateAsync(_app.Services, "maya.referees@consultancy.test");
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    [Fact]
    public async Task Send_request_emails_the_referee_from_the_template_with_reply_to_the_consultant_and_a_personal_link()
    {
        var (_, letterId) = await RequestedLetterAsync();

        var email = await RequestEmailAsync();

        Assert.Equal("referee.klein@hospital.test", email.To.Mailboxes.Single().Address);
        Assert.Equal("maya.referees@consultancy.test", email.ReplyTo.Mailboxes.Single().Address);
        Assert.Equal("Letter of recommendation for Priya Sharma", email.Subject);
        Assert.Contains("Dear Dr. Sarah Klein,", email.TextBody);
        Assert.Contains("residency programs in Internal Medicine", email.TextBody);
        Assert.Contains("by Friday 15 January 2027", email.TextBody);
        Assert.Contains("Letter ID: LK2027A", email.TextBody);
        Assert.Contains("it will reach maya.referees", email.TextBody);
        Assert.DoesNotContain("{", email.TextBody);
        Assert.Matches(@"https://crm\.consultancy\.test/letters/r/\S+", email.TextBody);
        Assert.Contains("href=\"https://crm.consultancy.test/letters/r/", email.HtmlBody);
        Assert.Matches("^<https://crm.consultancy.test/letters/stop/[^>]+>$", email.Headers["List-Unsubscribe"]);
        Assert.Equal("List-Unsubscribe=One-Click", email.Headers["List-Unsubscribe-Post"]);
        var letter = await _app.QueryAsync(db => db.LetterRequests.SingleAsync(l => l.Id == letterId));
        Assert.Equal((LetterStatus.Requested, _app.Clock.GetUtcNow().UtcDateTime, 1), (letter.Status, letter.RequestedAt, letter.RequestsSent));
        var row = await _app.QueryAsync(db => db.OutboxMessages.SingleAsync(m => m.LetterRequestId == letterId && m.Kind == OutboxKind.LetterRequest));
        Assert.Equal((OutboxStatus.Sent, "referee.klein@hospital.test"), (row.Status, row.Recipient));
    }

    [Fact]
    public async Task An_admin_edits_the_request_wording_and_the_next_request_uses_it_with_the_placeholders_filled()
    {
        var admin = await _app.AdminAsync();
        await _app.SendAsync(admin, new UpdateLetterRequestTemplate
        {
            Subject = "Reference for {ApplicantName} ({Specialty})",
            Body = "Hello {RefereeName},\n\nCould you upload a letter for {ApplicantName} by {DueDate}? Letter ID {LetterId}. Questions go to {Consultant}.",
        });

        await RequestedLetterAsync();
        var email = await RequestEmailAsync();

        Assert.Equal("Reference for Priya Sharma (Internal Medicine)", email.Subject);
        Assert.StartsWith("Hello Dr. Sarah Klein,\n\nCould you upload a letter for Priya Sharma by Friday 15 January 2027? Letter ID LK2027A. Questions go to maya.referees.",
            email.TextBody!.Replace("\r\n", "\n"));
    }

    [Fact]
    public async Task The_template_refuses_unknown_placeholders_and_only_admins_may_change_it()
    {
        var admin = await _app.AdminAsync();

        var invalid = await Assert.ThrowsAsync<ValidationException>(() => _app.SendAsync(admin,
            new UpdateLetterRequestTemplate { Subject = "For {Applicant}", Body = "Hello {Referee}" }));
        await Assert.ThrowsAsync<ForbiddenException>(() => _app.SendAsync(_maya,
            new UpdateLetterRequestTemplate { Subject = "Mine", Body = "Mine" }));

        Assert.StartsWith("Unknown placeholder {Applicant}; use {RefereeName}, {ApplicantName}", invalid.Errors["Subject"].Single());
        Assert.StartsWith("Unknown placeholder {Referee};", invalid.Errors["Body"].Single());
        Assert.Equal(LetterRequestTemplate.DefaultSubject, (await _app.SendAsync(admin, new GetLetterRequestTemplate())).Subject);
    }

    [Fact]
    public async Task The_referee_confirms_from_their_link_which_lands_on_the_timeline_and_emails_the_consultant()
    {
        var (clientId, letterId) = await RequestedLetterAsync();
        var token = TokenFrom(await RequestEmailAsync());

        var page = await _app.SendAsync(null, new GetRefereeLetter(token));
        Assert.Equal(RefereeLinkState.Valid, page.State);
        Assert.Equal(("Priya Sharma", "Dr. Sarah Klein", LetterStatus.Requested, true), (page.Letter!.ApplicantName, page.Letter.RefereeName, page.Letter.Status, page.Letter.CanConfirm));

        var answer = await _app.SendAsync(null, new AnswerAsReferee(token, LetterStatus.Confirmed));

        Assert.Equal(new RefereeAnswer(RefereeLinkState.Valid, null), answer);
        var letter = await _app.QueryAsync(db => db.LetterRequests.SingleAsync(l => l.Id == letterId));
        Assert.Equal((LetterStatus.Confirmed, LetterActor.Referee), (letter.Status, letter.StatusChangedBy));
        var timeline = (await _app.SendAsync(_maya, new GetClientDetails(clientId))).Timeline;
        var entry = timeline.First(t => t.EntityType == nameof(LetterRequest) && t.Action == AuditAction.Updated);
        Assert.Contains(new AuditFieldChange("ReportedBy", null, "the referee, Dr. Sarah Klein"), entry.Changes);
        Assert.Contains(new AuditFieldChange(nameof(LetterRequest.Status), "Requested", "Confirmed"), entry.Changes);

        await _app.DispatchAsync();
        var notice = await _smtp.WaitForAsync(m => m.To.Mailboxes.Any(a => a.Address == "maya.referees@consultancy.test"));
        Assert.Equal("Dr. Sarah Klein confirmed they will write the letter for Priya Sharma", notice.Subject);
        Assert.Equal("referee.klein@hospital.test", notice.ReplyTo.Mailboxes.Single().Address);
        Assert.Contains($"https://crm.consultancy.test/Clients/Details/{clientId}#letters", notice.TextBody);
    }

    [Fact]
    public async Task The_referee_declines_with_a_reason_and_the_consultant_hears_it()
    {
        var (_, letterId) = await RequestedLetterAsync();
        var token = TokenFrom(await RequestEmailAsync());

        await _app.SendAsync(null, new AnswerAsReferee(token, LetterStatus.Declined, "I am on sabbatical until March."));

        var letter = await _app.QueryAsync(db => db.LetterRequests.Include(l => l.Deadline).SingleAsync(l => l.Id == letterId));
        Assert.Equal((LetterStatus.Declined, "I am on sabbatical until March.", DeadlineStatus.Cancelled), (letter.Status, letter.DeclineReason, letter.Deadline!.Status));
        await _app.DispatchAsync();
        var notice = await _smtp.WaitForAsync(m => m.Subject?.Contains("declined") == true);
        Assert.Contains("Their reason: “I am on sabbatical until March.”", notice.TextBody);
    }

    [Fact]
    public async Task The_referee_reports_the_upload_which_completes_the_deadline_and_a_second_answer_changes_nothing()
    {
        var (_, letterId) = await RequestedLetterAsync();
        var token = TokenFrom(await RequestEmailAsync());

        await _app.SendAsync(null, new AnswerAsReferee(token, LetterStatus.Uploaded, UploadedOn: new DateOnly(2026, 11, 24)));
        var again = await _app.SendAsync(null, new AnswerAsReferee(token, LetterStatus.Declined, "changed my mind"));
        var future = await _app.SendAsync(null, new AnswerAsReferee(token, LetterStatus.Uploaded, UploadedOn: new DateOnly(2027, 1, 1)));

        var letter = await _app.QueryAsync(db => db.LetterRequests.Include(l => l.Deadline).SingleAsync(l => l.Id == letterId));
        Assert.Equal((LetterStatus.Uploaded, new DateOnly(2026, 11, 24), DeadlineStatus.Done), (letter.Status, letter.UploadedOn, letter.Deadline!.Status));
        Assert.Equal("This letter is already marked uploaded; nothing was changed.", again.Problem);
        Assert.NotNull(future.Problem);
        Assert.Equal(1, await _app.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.Kind == OutboxKind.LetterNotice)));
    }

    [Fact]
    public async Task Tampered_foreign_and_reassigned_tokens_show_nothing_and_change_nothing()
    {
        var (clientId, letterId) = await RequestedLetterAsync();
        var token = TokenFrom(await RequestEmailAsync());
        string unsubscribeToken, otherLetterToken;
        await using (var scope = _app.Services.CreateSystemScope())
        {
            unsubscribeToken = scope.ServiceProvider.GetRequiredService<IReminderLinks>().Unsubscribe(clientId).Split('/').Last();
            otherLetterToken = scope.ServiceProvider.GetRequiredService<ILetterLinks>().StopFollowUps(letterId).Split('/').Last();
        }
        var tampered = token[..^3] + (token[^3] == 'A' ? "B" : "A") + token[^2..];

        foreach (var bad in new[] { tampered, unsubscribeToken, otherLetterToken, "not-a-token", "" })
        {
            Assert.Equal(new RefereePage(RefereeLinkState.Invalid, null), await _app.SendAsync(null, new GetRefereeLetter(bad)));
            Assert.Equal(new RefereeAnswer(RefereeLinkState.Invalid, null), await _app.SendAsync(null, new AnswerAsReferee(bad, LetterStatus.Declined)));
        }

        // The consultant replaces the referee on this letter: the first referee's link stops working.
        var form = await _app.SendAsync(_maya, new GetLetterForEdit(letterId));
        await _app.SendAsync(_maya, form with { RefereeName = "Dr. Omar Haddad", RefereeEmail = "o.haddad@hospital.test" });
        Assert.Equal(RefereeLinkState.Invalid, (await _app.SendAsync(null, new GetRefereeLetter(token))).State);
        Assert.Equal(RefereeLinkState.Invalid, (await _app.SendAsync(null, new AnswerAsReferee(token, LetterStatus.Confirmed))).State);
        Assert.Equal(LetterStatus.Requested, await _app.QueryAsync(db => db.LetterRequests.Where(l => l.Id == letterId).Select(l => l.Status).SingleAsync()));
    }

    [Fact]
    public async Task A_link_works_for_the_grace_period_after_the_letter_is_uploaded_or_cancelled_then_expires()
    {
        var (_, letterId) = await RequestedLetterAsync();
        var token = TokenFrom(await RequestEmailAsync());
        await _app.SendAsync(_maya, new RecordLetterStatus(letterId, LetterStatus.Cancelled));

        _app.Clock.Advance(TimeSpan.FromDays(14) - TimeSpan.FromMinutes(1));
        var inGrace = await _app.SendAsync(null, new GetRefereeLetter(token));
        _app.Clock.Advance(TimeSpan.FromMinutes(1));
        var expired = await _app.SendAsync(null, new GetRefereeLetter(token));

        Assert.Equal((RefereeLinkState.Valid, LetterStatus.Cancelled, false, false), (inGrace.State, inGrace.Letter!.Status, inGrace.Letter.CanConfirm, inGrace.Letter.CanDecline));
        Assert.Equal(new RefereePage(RefereeLinkState.Expired, null), expired);
        Assert.Equal(RefereeLinkState.Expired, (await _app.SendAsync(null, new AnswerAsReferee(token, LetterStatus.Confirmed))).State);
    }

    private async Task<(int ClientId, int LetterId)> RequestedLetterAsync()
    {
        var clientId = await _app.SendAsync(_maya, ClientBuilder.NewClient("Priya", "Sharma"));
        var letterId = await _app.SendAsync(_maya, LetterBuilder.NewLetter(clientId, Due) with { RefereeEmail = "referee.klein@hospital.test", ErasLetterId = "lk2027a" });
        await _app.SendAsync(_maya, new SendLetterRequest(letterId));
        return (clientId, letterId);
    }

    private async Task<MimeMessage> RequestEmailAsync()
    {
        await _app.DispatchAsync();
        return await _smtp.WaitForAsync(m => m.To.Mailboxes.Any(a => a.Address == "referee.klein@hospital.test"));
    }

    internal static string TokenFrom(MimeMessage email) =>
        System.Text.RegularExpressions.Regex.Match(email.TextBody ?? "", @"/letters/r/(\S+)").Groups[1].Value;
}
