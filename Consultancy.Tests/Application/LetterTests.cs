using Consultancy.Application.Clients;
using Consultancy.Application.Common.Exceptions;
using Consultancy.Application.Domain;
using Consultancy.Application.Letters;
using Consultancy.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Tests.Application;

/// <summary>Letters of recommendation: their due dates as client deadlines, their statuses, and the caseload rule.</summary>
public sealed class LetterTests : IAsyncLifetime
{
    private static readonly DateOnly Due = new(2027, 1, 15);
    private ApplicationHarness _app = null!;
    private TestUser _maya = null!;
    private TestUser _daniel = null!;

    public async Task InitializeAsync()
    {
        _app = await ApplicationHarness.StartAsync();
        _maya = await _app.ConsultantAsync("maya.letters@consultancy.test");
        _daniel = await _app.ConsultantAsync("daniel.letters@consultancy.test");
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_new_letter_is_planned_with_a_letters_deadline_whose_reminders_go_to_the_applicant_and_lands_on_the_timeline()
    {
        var clientId = await _app.SendAsync(_maya, ClientBuilder.NewClient("Priya", "Sharma"));

        var letterId = await _app.SendAsync(_maya, LetterBuilder.NewLetter(clientId, Due, "Dr. Sarah Klein"));

        var letter = await _app.QueryAsync(db => db.LetterRequests.Include(l => l.Deadline).SingleAsync(l => l.Id == letterId));
        Assert.Equal(LetterStatus.Planned, letter.Status);
        var deadline = letter.Deadline!;
        Assert.Equal((DeadlineCategory.Letters, Due, DeadlineStatus.Open, "Letter of recommendation from Dr. Sarah Klein"),
            (deadline.Category, deadline.DueDate, deadline.Status, deadline.Title));
        var reminders = await _app.QueryAsync(db => db.OutboxMessages.Where(m => m.DeadlineId == deadline.Id).ToListAsync());
        Assert.Equal(3, reminders.Count);
        Assert.All(reminders, r => Assert.Equal((OutboxKind.Reminder, OutboxStatus.Pending), (r.Kind, r.Status)));
        Assert.All(reminders, r => Assert.EndsWith("@applicant.test", r.Recipient));

        var timeline = (await _app.SendAsync(_maya, new GetClientDetails(clientId))).Timeline;
        Assert.Contains(timeline, t => t.EntityType == nameof(LetterRequest) && t.Action == AuditAction.Created
            && t.Changes.Contains(new AuditFieldChange(nameof(LetterRequest.RefereeName), null, "Dr. Sarah Klein")));
    }

    [Fact]
    public async Task Recording_the_upload_completes_the_deadline_and_stops_the_applicants_reminders()
    {
        var (clientId, letterId) = await LetterAsync();

        await _app.SendAsync(_maya, new RecordLetterStatus(letterId, LetterStatus.Uploaded, UploadedOn: new DateOnly(2026, 11, 24)));

        var letter = await _app.QueryAsync(db => db.LetterRequests.Include(l => l.Deadline).SingleAsync(l => l.Id == letterId));
        Assert.Equal((LetterStatus.Uploaded, new DateOnly(2026, 11, 24), LetterActor.Consultant), (letter.Status, letter.UploadedOn, letter.StatusChangedBy));
        Assert.Equal(DeadlineStatus.Done, letter.Deadline!.Status);
        var reminders = await _app.QueryAsync(db => db.OutboxMessages.Where(m => m.DeadlineId == letter.DeadlineId).ToListAsync());
        Assert.All(reminders, r => Assert.Equal((OutboxStatus.Cancelled, "the deadline was completed"), (r.Status, r.CancelReason)));
        var timeline = (await _app.SendAsync(_maya, new GetClientDetails(clientId))).Timeline;
        Assert.Contains(timeline, t => t.EntityType == nameof(LetterRequest)
            && t.Changes.Contains(new AuditFieldChange(nameof(LetterRequest.Status), nameof(LetterStatus.Planned), nameof(LetterStatus.Uploaded))));
    }

    [Theory]
    [InlineData(LetterStatus.Cancelled)]
    [InlineData(LetterStatus.Declined)]
    public async Task Cancelling_or_a_decline_cancels_the_deadline(LetterStatus status)
    {
        var (_, letterId) = await LetterAsync();

        await _app.SendAsync(_maya, new RecordLetterStatus(letterId, status, Reason: "On sabbatical"));

        var letter = await _app.QueryAsync(db => db.LetterRequests.Include(l => l.Deadline).SingleAsync(l => l.Id == letterId));
        Assert.Equal(status, letter.Status);
        Assert.Equal(DeadlineStatus.Cancelled, letter.Deadline!.Status);
        Assert.Equal(status == LetterStatus.Declined ? "On sabbatical" : null, letter.DeclineReason);
    }

    [Theory]
    [InlineData(LetterStatus.Uploaded, LetterStatus.Confirmed)]
    [InlineData(LetterStatus.Uploaded, LetterStatus.Cancelled)]
    [InlineData(LetterStatus.Cancelled, LetterStatus.Uploaded)]
    [InlineData(LetterStatus.Declined, LetterStatus.Confirmed)]
    [InlineData(LetterStatus.Confirmed, LetterStatus.Confirmed)]
    public async Task A_status_the_letter_cannot_move_to_is_refused_and_nothing_changes(LetterStatus first, LetterStatus then)
    {
        var (_, letterId) = await LetterAsync();
        await _app.SendAsync(_maya, new RecordLetterStatus(letterId, first, UploadedOn: new DateOnly(2026, 11, 20)));
        var before = await _app.QueryAsync(db => db.LetterRequests.AsNoTracking().SingleAsync(l => l.Id == letterId));

        var refused = await Assert.ThrowsAsync<ValidationException>(() =>
            _app.SendAsync(_maya, new RecordLetterStatus(letterId, then, UploadedOn: new DateOnly(2026, 11, 21))));

        Assert.Contains("You cannot", refused.Message);
        var after = await _app.QueryAsync(db => db.LetterRequests.AsNoTracking().SingleAsync(l => l.Id == letterId));
        Assert.Equal((before.Status, before.Version, before.UploadedOn), (after.Status, after.Version, after.UploadedOn));
    }

    [Fact]
    public async Task An_upload_needs_a_date_that_is_not_in_the_future()
    {
        var (_, letterId) = await LetterAsync();

        var missing = await Assert.ThrowsAsync<ValidationException>(() => _app.SendAsync(_maya, new RecordLetterStatus(letterId, LetterStatus.Uploaded)));
        var future = await Assert.ThrowsAsync<ValidationException>(() =>
            _app.SendAsync(_maya, new RecordLetterStatus(letterId, LetterStatus.Uploaded, UploadedOn: new DateOnly(2026, 12, 25))));

        Assert.Equal("Enter the date the letter was uploaded.", missing.Errors["UploadedOn"].Single());
        Assert.Equal("The upload date cannot be in the future.", future.Errors["UploadedOn"].Single());
    }

    [Fact]
    public async Task Editing_the_due_date_moves_the_deadline_and_its_reminders()
    {
        var (_, letterId) = await LetterAsync();
        var form = await _app.SendAsync(_maya, new GetLetterForEdit(letterId));

        await _app.SendAsync(_maya, form with { DueDate = new DateOnly(2027, 2, 1), RefereeName = "Dr. Sarah Klein-Ortiz" });

        var letter = await _app.QueryAsync(db => db.LetterRequests.Include(l => l.Deadline).SingleAsync(l => l.Id == letterId));
        Assert.Equal((new DateOnly(2027, 2, 1), new DateOnly(2027, 2, 1)), (letter.DueDate, letter.Deadline!.DueDate));
        Assert.Equal("Letter of recommendation from Dr. Sarah Klein-Ortiz", letter.Deadline.Title);
        var reminderDays = await _app.QueryAsync(db => db.OutboxMessages.Where(m => m.DeadlineId == letter.DeadlineId && m.Status == OutboxStatus.Pending)
            .Select(m => m.DueAt).ToListAsync());
        Assert.Contains(reminderDays, d => DateOnly.FromDateTime(d) == new DateOnly(2027, 1, 31));
    }

    [Fact]
    public async Task An_edit_from_a_stale_form_is_refused_as_a_conflict()
    {
        var (_, letterId) = await LetterAsync();
        var form = await _app.SendAsync(_maya, new GetLetterForEdit(letterId));
        await _app.SendAsync(_maya, form with { Notes = "First save" });

        await Assert.ThrowsAsync<ConcurrencyException>(() => _app.SendAsync(_maya, form with { Notes = "Second save" }));
    }

    [Fact]
    public async Task Deleting_a_letter_deletes_its_deadline_and_cancels_pending_reminders()
    {
        var (_, letterId) = await LetterAsync();
        var deadlineId = await _app.QueryAsync(db => db.LetterRequests.Where(l => l.Id == letterId).Select(l => l.DeadlineId!.Value).SingleAsync());
        await _app.SendAsync(_maya, new SendLetterRequest(letterId));
        await _app.DispatchAsync();

        await _app.SendAsync(_maya, new DeleteLetter(letterId));

        var letterEmails = await _app.QueryAsync(db => db.OutboxMessages.Where(m => m.DedupKey.StartsWith($"letter:{letterId}:")).OrderBy(m => m.Id).ToListAsync());
        Assert.Equal([(OutboxKind.LetterRequest, OutboxStatus.Sent, (int?)null)], letterEmails.Where(m => m.Kind == OutboxKind.LetterRequest).Select(m => (m.Kind, m.Status, m.LetterRequestId)));
        Assert.All(letterEmails.Where(m => m.Kind == OutboxKind.LetterFollowUp), m => Assert.Equal((OutboxStatus.Cancelled, "the letter was deleted"), (m.Status, m.CancelReason)));
        Assert.Equal(3, letterEmails.Count(m => m.Kind == OutboxKind.LetterFollowUp));

        Assert.False(await _app.QueryAsync(db => db.LetterRequests.AnyAsync(l => l.Id == letterId)));
        Assert.False(await _app.QueryAsync(db => db.Deadlines.AnyAsync(d => d.Id == deadlineId)));
        var reminders = await _app.QueryAsync(db => db.OutboxMessages.Where(m => m.DedupKey.StartsWith($"deadline:{deadlineId}:")).ToListAsync());
        Assert.All(reminders, r => Assert.Equal(OutboxStatus.Cancelled, r.Status));
    }

    [Fact]
    public async Task Another_consultants_letter_does_not_exist_for_any_use_case()
    {
        var (clientId, letterId) = await LetterAsync();
        var form = await _app.SendAsync(_maya, new GetLetterForEdit(letterId));

        await Assert.ThrowsAsync<NotFoundException>(() => _app.SendAsync(_daniel, LetterBuilder.NewLetter(clientId, Due)));
        await Assert.ThrowsAsync<NotFoundException>(() => _app.SendAsync(_daniel, new GetLetterForEdit(letterId)));
        await Assert.ThrowsAsync<NotFoundException>(() => _app.SendAsync(_daniel, form with { Notes = "taken over" }));
        await Assert.ThrowsAsync<NotFoundException>(() => _app.SendAsync(_daniel, new SendLetterRequest(letterId)));
        await Assert.ThrowsAsync<NotFoundException>(() => _app.SendAsync(_daniel, new RecordLetterStatus(letterId, LetterStatus.Cancelled)));
        await Assert.ThrowsAsync<NotFoundException>(() => _app.SendAsync(_daniel, new DeleteLetter(letterId)));
        Assert.Empty(await _app.SendAsync(_daniel, new GetClientLetters(clientId)));
        Assert.Equal(0, (await _app.SendAsync(_daniel, new GetLettersWaiting())).TotalCount);
        Assert.Empty(await _app.SendAsync(null, new GetClientLetters(clientId)));

        var letter = await _app.QueryAsync(db => db.LetterRequests.SingleAsync(l => l.Id == letterId));
        Assert.Equal((LetterStatus.Planned, null), (letter.Status, letter.Notes));
    }

    [Fact]
    public async Task Letters_waiting_lists_requested_and_confirmed_letters_overdue_first_with_filters_search_and_paging()
    {
        var clientId = await _app.SendAsync(_maya, ClientBuilder.NewClient("Chidi", "Eze"));
        var otherId = await _app.SendAsync(_daniel, ClientBuilder.NewClient("Lena", "Haddad"));
        var overdue = await _app.SendAsync(_maya, LetterBuilder.NewLetter(clientId, new DateOnly(2026, 11, 20), "Dr. Overdue"));
        var soon = await _app.SendAsync(_maya, LetterBuilder.NewLetter(clientId, new DateOnly(2026, 12, 10), "Dr. Soon", LetterSystem.CaRMS));
        var later = await _app.SendAsync(_maya, LetterBuilder.NewLetter(clientId, new DateOnly(2027, 1, 10), "Dr. Later"));
        await _app.SendAsync(_maya, LetterBuilder.NewLetter(clientId, new DateOnly(2026, 12, 1), "Dr. Planned"));
        var uploaded = await _app.SendAsync(_maya, LetterBuilder.NewLetter(clientId, new DateOnly(2026, 12, 1), "Dr. Uploaded"));
        var danielsLetter = await _app.SendAsync(_daniel, LetterBuilder.NewLetter(otherId, new DateOnly(2026, 12, 1), "Dr. Daniel's"));
        foreach (var id in new[] { overdue, soon, later, uploaded }) await _app.SendAsync(_maya, new SendLetterRequest(id));
        await _app.SendAsync(_daniel, new SendLetterRequest(danielsLetter));
        await _app.SendAsync(_maya, new RecordLetterStatus(later, LetterStatus.Confirmed));
        await _app.SendAsync(_maya, new RecordLetterStatus(uploaded, LetterStatus.Uploaded, UploadedOn: new DateOnly(2026, 11, 25)));
        var admin = await _app.AdminAsync();

        var mine = await _app.SendAsync(_maya, new GetLettersWaiting());
        var now = _app.Clock.GetUtcNow().UtcDateTime;

        Assert.Equal(["Dr. Overdue", "Dr. Soon", "Dr. Later"], mine.Items.Select(l => l.RefereeName));
        Assert.Equal([true, false, false], mine.Items.Select(l => l.IsOverdueAt(now)));
        Assert.Equal([LetterStatus.Requested, LetterStatus.Requested, LetterStatus.Confirmed], mine.Items.Select(l => l.Status));
        Assert.Equal(["Dr. Soon"], (await _app.SendAsync(_maya, new GetLettersWaiting { System = LetterSystem.CaRMS })).Items.Select(l => l.RefereeName));
        Assert.Equal(["Dr. Later"], (await _app.SendAsync(_maya, new GetLettersWaiting { Search = "LATER" })).Items.Select(l => l.RefereeName));
        Assert.Equal(3, (await _app.SendAsync(_maya, new GetLettersWaiting { Search = "chidi eze" })).TotalCount);
        Assert.Equal(4, (await _app.SendAsync(admin, new GetLettersWaiting())).TotalCount);
        Assert.Equal(["Dr. Daniel's"], (await _app.SendAsync(admin, new GetLettersWaiting { ConsultantId = _daniel.Id })).Items.Select(l => l.RefereeName));
        var secondPage = await _app.SendAsync(admin, new GetLettersWaiting { PageSize = 10, Page = 2 });
        Assert.Equal((1, 4), (secondPage.Page, secondPage.TotalCount));
        Assert.DoesNotContain(mine.Items, l => l.RefereeName == "Dr. Planned");
    }

    [Fact]
    public async Task Invalid_letter_fields_are_refused_with_a_message_per_field_and_nothing_is_written()
    {
        var clientId = await _app.SendAsync(_maya, ClientBuilder.NewClient());

        var invalid = await Assert.ThrowsAsync<ValidationException>(() => _app.SendAsync(_maya,
            LetterBuilder.NewLetter(clientId, Due) with { RefereeName = "", RefereeEmail = "not-an-email", Specialty = "", DueDate = null, ErasLetterId = "bad id!" }));

        Assert.Equal(["DueDate", "ErasLetterId", "RefereeEmail", "RefereeName", "Specialty"], invalid.Errors.Keys.Order());
        Assert.False(await _app.QueryAsync(db => db.LetterRequests.AnyAsync()));
        Assert.False(await _app.QueryAsync(db => db.Deadlines.AnyAsync(d => d.ClientId == clientId)));
    }

    private async Task<(int ClientId, int LetterId)> LetterAsync()
    {
        var clientId = await _app.SendAsync(_maya, ClientBuilder.NewClient());
        return (clientId, await _app.SendAsync(_maya, LetterBuilder.NewLetter(clientId, Due)));
    }
}
