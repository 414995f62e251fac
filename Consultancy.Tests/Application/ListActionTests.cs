using Consultancy.Application.Clients;
using Consultancy.Application.Common;
using Consultancy.Application.Deadlines;
using Consultancy.Application.Domain;
using Consultancy.Application.Letters;
using Consultancy.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Tests.Application;

/// <summary>
/// Acting on the deadlines and letters lists without opening each client: a ticked selection changed in one save,
/// within the caseload, with reminders and follow-ups re-planned; an upload taken back; and what the reminder plan says.
/// </summary>
public sealed class ListActionTests : IAsyncLifetime
{
    private static readonly DateOnly Due = new(2027, 2, 1);
    private readonly FailingDatabase _database = new();
    private ApplicationHarness _app = null!;
    private TestUser _alice = null!, _bob = null!;

    public async Task InitializeAsync()
    {
        _app = await ApplicationHarness.StartAsync(configureServices: _database.AddTo);
        _alice = await _app.ConsultantAsync("alice.lists@consultancy.test");
        _bob = await _app.ConsultantAsync("bob.lists@consultancy.test");
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Marking_ticked_deadlines_done_completes_each_and_cancels_their_reminders_leaving_the_others_alone()
    {
        var clientId = await _app.SendAsync(_alice, ClientBuilder.NewClient());
        var (first, second, untouched) = (await DeadlineAsync(_alice, clientId, "Book Step 3"), await DeadlineAsync(_alice, clientId, "Send transcript"),
            await DeadlineAsync(_alice, clientId, "Renew passport"));

        var change = await _app.SendAsync(_alice, new ChangeDeadlinesStatus([first, second], DeadlineStatus.Done));

        Assert.Equal((2, 0), (change.Changed, change.SkippedCount));
        Assert.Equal([DeadlineStatus.Done, DeadlineStatus.Done, DeadlineStatus.Open], await StatusesAsync(first, second, untouched));
        foreach (var id in new[] { first, second })
            Assert.All(await RemindersAsync(id), r => Assert.Equal((OutboxStatus.Cancelled, "the deadline was completed"), (r.Status, r.CancelReason)));
        Assert.All(await RemindersAsync(untouched), r => Assert.Equal(OutboxStatus.Pending, r.Status));
    }

    [Fact]
    public async Task Reopening_ticked_deadlines_plans_their_reminders_again_and_skips_those_already_open()
    {
        var clientId = await _app.SendAsync(_alice, ClientBuilder.NewClient());
        var (done, open) = (await DeadlineAsync(_alice, clientId, "Book Step 3"), await DeadlineAsync(_alice, clientId, "Send transcript"));
        await _app.SendAsync(_alice, new ChangeDeadlineStatus(done, DeadlineStatus.Done));

        var change = await _app.SendAsync(_alice, new ChangeDeadlinesStatus([done, open], DeadlineStatus.Open));

        Assert.Equal(1, change.Changed);
        Assert.Equal([new BulkSkip("already open", 1)], change.Skipped);
        Assert.Equal([DeadlineStatus.Open, DeadlineStatus.Open], await StatusesAsync(done, open));
        var reminders = await RemindersAsync(done);
        Assert.Equal(3, reminders.Count);
        Assert.All(reminders, r => Assert.Equal(OutboxStatus.Pending, r.Status));
    }

    [Fact]
    public async Task A_bulk_change_whose_save_fails_changes_no_deadline_and_no_reminder()
    {
        var clientId = await _app.SendAsync(_alice, ClientBuilder.NewClient());
        var ids = new[] { await DeadlineAsync(_alice, clientId, "Book Step 3"), await DeadlineAsync(_alice, clientId, "Send transcript") };
        _database.FailCommit(1, dies: false);

        await Assert.ThrowsAnyAsync<Exception>(() => _app.SendAsync(_alice, new ChangeDeadlinesStatus(ids, DeadlineStatus.Done)));

        Assert.Equal([DeadlineStatus.Open, DeadlineStatus.Open], await StatusesAsync(ids));
        Assert.All(await _app.QueryAsync(db => db.OutboxMessages.Where(m => m.ClientId == clientId).ToListAsync()),
            r => Assert.Equal(OutboxStatus.Pending, r.Status));
    }

    [Fact]
    public async Task Another_consultants_deadlines_are_skipped_as_not_found_exactly_like_deleted_ones_and_stay_unchanged()
    {
        var mine = await _app.SendAsync(_alice, ClientBuilder.NewClient("Alice's", "Client"));
        var theirs = await _app.SendAsync(_bob, ClientBuilder.NewClient("Bob's", "Client"));
        var own = await DeadlineAsync(_alice, mine, "Book Step 3");
        var deleted = await DeadlineAsync(_alice, mine, "Withdrawn by mistake");
        await _app.SendAsync(_alice, new DeleteDeadline(deleted));
        var bobs = await DeadlineAsync(_bob, theirs, "Bob's client's deadline");

        var withBobs = await _app.SendAsync(_alice, new ChangeDeadlinesStatus([own, bobs], DeadlineStatus.Done));
        await _app.SendAsync(_alice, new ChangeDeadlineStatus(own, DeadlineStatus.Open));
        var withDeleted = await _app.SendAsync(_alice, new ChangeDeadlinesStatus([own, deleted], DeadlineStatus.Done));

        Assert.Equal(1, withBobs.Changed);
        Assert.Equal([new BulkSkip(BulkChange.NotFound, 1)], withBobs.Skipped);
        Assert.Equal(withBobs.Skipped, withDeleted.Skipped);
        Assert.Equal([DeadlineStatus.Open], await StatusesAsync(bobs));
        Assert.All(await RemindersAsync(bobs), r => Assert.Equal(OutboxStatus.Pending, r.Status));
    }

    [Fact]
    public async Task Marking_ticked_letters_uploaded_completes_their_deadlines_and_skips_a_declined_one_with_the_reason()
    {
        var clientId = await _app.SendAsync(_alice, ClientBuilder.NewClient());
        var (first, second, declined) = (await RequestedLetterAsync(_alice, clientId), await RequestedLetterAsync(_alice, clientId),
            await RequestedLetterAsync(_alice, clientId));
        await _app.SendAsync(_alice, new RecordLetterStatus(declined, LetterStatus.Declined, "On leave"));

        var change = await _app.SendAsync(_alice, new ChangeLetters([first, second, declined], BulkLetterAction.MarkUploaded));

        Assert.Equal(2, change.Changed);
        Assert.Equal([new BulkSkip("already declined", 1)], change.Skipped);
        var letters = await LettersAsync(first, second);
        Assert.All(letters, l => Assert.Equal((LetterStatus.Uploaded, (DateOnly?)new DateOnly(2026, 11, 25), DeadlineStatus.Done),
            (l.Status, l.UploadedOn, l.Deadline!.Status)));
        Assert.All(await _app.QueryAsync(db => db.OutboxMessages.Where(m => m.LetterRequestId == first && m.Kind == OutboxKind.LetterFollowUp).ToListAsync()),
            f => Assert.Equal((OutboxStatus.Cancelled, "the letter was uploaded"), (f.Status, f.CancelReason)));
        Assert.All(await RemindersAsync(letters[0].DeadlineId!.Value), r => Assert.Equal(OutboxStatus.Cancelled, r.Status));
    }

    [Fact]
    public async Task Resending_ticked_requests_queues_one_more_request_each_and_skips_a_letter_the_referee_confirmed()
    {
        var clientId = await _app.SendAsync(_alice, ClientBuilder.NewClient());
        var (waiting, confirmed) = (await RequestedLetterAsync(_alice, clientId), await RequestedLetterAsync(_alice, clientId));
        await _app.SendAsync(_alice, new RecordLetterStatus(confirmed, LetterStatus.Confirmed));
        _app.Clock.Advance(TimeSpan.FromDays(3));

        var change = await _app.SendAsync(_alice, new ChangeLetters([waiting, confirmed], BulkLetterAction.Resend));

        Assert.Equal(1, change.Changed);
        Assert.Equal([new BulkSkip("already confirmed", 1)], change.Skipped);
        Assert.Equal(2, await RequestsAsync(waiting));
        Assert.Equal(1, await RequestsAsync(confirmed));
        // The follow-up clock restarts from the resend.
        var firstFollowUp = await _app.QueryAsync(db => db.OutboxMessages
            .Where(m => m.LetterRequestId == waiting && m.Kind == OutboxKind.LetterFollowUp && m.Status == OutboxStatus.Pending)
            .OrderBy(m => m.DueAt).Select(m => m.DueAt).FirstAsync());
        Assert.Equal(_app.Clock.GetUtcNow().UtcDateTime.AddDays(7), firstFollowUp);
    }

    [Fact]
    public async Task Undoing_an_upload_puts_the_letter_back_to_waiting_and_plans_its_reminders_and_follow_ups_again()
    {
        var clientId = await _app.SendAsync(_alice, ClientBuilder.NewClient());
        var letterId = await RequestedLetterAsync(_alice, clientId);
        await _app.SendAsync(_alice, new RecordLetterStatus(letterId, LetterStatus.Uploaded, UploadedOn: new DateOnly(2026, 11, 24)));

        await _app.SendAsync(_alice, new UndoLetterUpload(letterId));

        var letter = (await LettersAsync(letterId)).Single();
        Assert.Equal((LetterStatus.Requested, (DateOnly?)null, DeadlineStatus.Open), (letter.Status, letter.UploadedOn, letter.Deadline!.Status));
        Assert.Equal(3, (await RemindersAsync(letter.DeadlineId!.Value)).Count(r => r.Status == OutboxStatus.Pending));
        Assert.Equal(3, await _app.QueryAsync(db => db.OutboxMessages.CountAsync(m =>
            m.LetterRequestId == letterId && m.Kind == OutboxKind.LetterFollowUp && m.Status == OutboxStatus.Pending)));
        Assert.Equal(1, (await _app.SendAsync(_alice, new GetLettersWaiting())).TotalCount);
        Assert.Equal(0, (await _app.SendAsync(_alice, new GetLettersWaiting { Uploaded = true })).TotalCount);
    }

    [Fact]
    public async Task A_confirmed_letter_goes_back_to_confirmed_when_its_upload_is_undone_and_a_waiting_one_cannot_be_undone()
    {
        var clientId = await _app.SendAsync(_alice, ClientBuilder.NewClient());
        var (confirmed, waiting) = (await RequestedLetterAsync(_alice, clientId), await RequestedLetterAsync(_alice, clientId));
        await _app.SendAsync(_alice, new RecordLetterStatus(confirmed, LetterStatus.Confirmed));
        await _app.SendAsync(_alice, new ChangeLetters([confirmed], BulkLetterAction.MarkUploaded));

        var change = await _app.SendAsync(_alice, new ChangeLetters([confirmed, waiting], BulkLetterAction.UndoUpload));

        Assert.Equal(1, change.Changed);
        Assert.Equal([new BulkSkip("not uploaded", 1)], change.Skipped);
        Assert.Equal([LetterStatus.Confirmed, LetterStatus.Requested], (await LettersAsync(confirmed, waiting)).Select(l => l.Status));
        await Assert.ThrowsAsync<Consultancy.Application.Common.Exceptions.ValidationException>(() => _app.SendAsync(_alice, new UndoLetterUpload(waiting)));
    }

    [Fact]
    public async Task Another_consultants_letters_are_skipped_as_not_found_and_neither_changed_nor_resent()
    {
        var mine = await _app.SendAsync(_alice, ClientBuilder.NewClient("Alice's", "Client"));
        var theirs = await _app.SendAsync(_bob, ClientBuilder.NewClient("Bob's", "Client"));
        var own = await RequestedLetterAsync(_alice, mine);
        var bobs = await RequestedLetterAsync(_bob, theirs);

        var resent = await _app.SendAsync(_alice, new ChangeLetters([own, bobs], BulkLetterAction.Resend));
        var uploaded = await _app.SendAsync(_alice, new ChangeLetters([own, bobs], BulkLetterAction.MarkUploaded));

        Assert.Equal([new BulkSkip(BulkChange.NotFound, 1)], resent.Skipped);
        Assert.Equal([new BulkSkip(BulkChange.NotFound, 1)], uploaded.Skipped);
        Assert.Equal(1, await RequestsAsync(bobs));
        Assert.Equal(LetterStatus.Requested, (await LettersAsync(bobs)).Single().Status);
    }

    [Fact]
    public async Task The_reminder_plan_says_how_many_reminders_are_planned_or_why_there_are_none()
    {
        var clientId = await _app.SendAsync(_alice, ClientBuilder.NewClient());
        var soon = await DeadlineAsync(_alice, clientId, "Book Step 3");
        var passed = await _app.SendAsync(_alice, new AddDeadline { ClientId = clientId, Title = "Tomorrow", DueDate = new DateOnly(2026, 11, 26), ReminderOffsets = "14, 7" });

        Assert.Equal("3 reminders planned", (await _app.SendAsync(_alice, new GetDeadlineReminderPlan(soon))).Summary);
        Assert.Equal("no reminders: all dates have passed", (await _app.SendAsync(_alice, new GetDeadlineReminderPlan(passed))).Summary);

        await _app.SendAsync(_alice, new SetReminderOptOut(clientId, true, "Asked by phone"));
        Assert.Equal("no reminders: the client opted out of reminders", (await _app.SendAsync(_alice, new GetDeadlineReminderPlan(soon))).Summary);
        await Assert.ThrowsAsync<Consultancy.Application.Common.Exceptions.NotFoundException>(() => _app.SendAsync(_bob, new GetDeadlineReminderPlan(soon)));
    }

    private Task<int> DeadlineAsync(TestUser user, int clientId, string title) =>
        _app.SendAsync(user, new AddDeadline { ClientId = clientId, Title = title, DueDate = Due, ReminderOffsets = "14, 7, 1" });

    private async Task<int> RequestedLetterAsync(TestUser user, int clientId)
    {
        var letterId = await _app.SendAsync(user, LetterBuilder.NewLetter(clientId, new DateOnly(2027, 1, 15)));
        await _app.SendAsync(user, new SendLetterRequest(letterId));
        return letterId;
    }

    private Task<List<DeadlineStatus>> StatusesAsync(params int[] ids) =>
        _app.QueryAsync(db => db.Deadlines.Where(d => ids.Contains(d.Id)).OrderBy(d => d.Id).Select(d => d.Status).ToListAsync());

    private Task<List<OutboxMessage>> RemindersAsync(int deadlineId) =>
        _app.QueryAsync(db => db.OutboxMessages.Where(m => m.DeadlineId == deadlineId && m.Kind == OutboxKind.Reminder).ToListAsync());

    private Task<List<LetterRequest>> LettersAsync(params int[] ids) =>
        _app.QueryAsync(db => db.LetterRequests.Include(l => l.Deadline).Where(l => ids.Contains(l.Id)).OrderBy(l => l.Id).ToListAsync());

    private Task<int> RequestsAsync(int letterId) =>
        _app.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.LetterRequestId == letterId && m.Kind == OutboxKind.LetterRequest));
}
