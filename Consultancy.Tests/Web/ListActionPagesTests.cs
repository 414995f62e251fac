using System.Net;
using AngleSharp.Dom;
using Consultancy.Application.Deadlines;
using Consultancy.Application.Domain;
using Consultancy.Application.Letters;
using Consultancy.Tests.Support;
using Consultancy.Web.ViewModels;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Tests.Web;

/// <summary>
/// Acting where you look: Done, Undo and Resend on the rows of the deadlines and letters lists and on a ticked selection,
/// back to the same list with a message that says what happened; the outbox's tabs; times as the applicant has them.
/// </summary>
public sealed class ListActionPagesTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly DateOnly Due = new(2031, 5, 20);

    [Fact]
    public async Task Done_on_a_deadlines_row_marks_it_done_and_returns_to_the_same_window_filters_and_page()
    {
        var (maya, user, clientId) = await ConsultantWithClientAsync("rows.done");
        var ids = new List<int>();
        for (var n = 1; n <= 11; n++) ids.Add(await DeadlineAsync(user, clientId, $"Exam step {n:D2}", DeadlineCategory.Exam, Due.AddDays(n)));
        const string list = "/Deadlines?window=Upcoming&category=Exam&pageSize=10&page=2";
        var page = await maya.GetPageAsync(list);
        var last = ids[^1];
        Assert.Equal([last.ToString()], page.QuerySelectorAll("input[name=deadlineIds]").Select(b => b.GetAttribute("value")));

        var response = await maya.SubmitAsync(page, list, $"form[action^='/Deadlines/SetStatus/{last}?']", new());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Deadlines?window=Upcoming&category=Exam&pageSize=10&page=2", response.Headers.Location!.OriginalString);
        var back = await maya.GetPageAsync(response.Headers.Location.OriginalString);
        Assert.Equal("Deadline marked done; its remaining reminders are cancelled.", Flash(back));
        Assert.Equal(DeadlineStatus.Done, await StatusAsync(last));
        Assert.All(await app.QueryAsync(db => db.OutboxMessages.Where(m => m.DeadlineId == last).ToListAsync()), m => Assert.Equal(OutboxStatus.Cancelled, m.Status));
    }

    [Fact]
    public async Task Undo_on_a_done_deadline_reopens_it_and_says_how_many_reminders_are_planned_again()
    {
        var (maya, user, clientId) = await ConsultantWithClientAsync("rows.undo");
        var id = await DeadlineAsync(user, clientId, "Pay the NRMP fee", DeadlineCategory.Application, Due);
        await app.Services.SendAsAsync(user, new ChangeDeadlineStatus(id, DeadlineStatus.Done));
        const string list = "/Deadlines?window=Closed";

        var response = await maya.SubmitAsync(await maya.GetPageAsync(list), list, $"form[action^='/Deadlines/SetStatus/{id}?']", new());

        Assert.StartsWith("/Deadlines?window=Closed", response.Headers.Location!.OriginalString);
        Assert.Equal("Deadline reopened; 3 reminders planned.", Flash(await maya.GetPageAsync(response.Headers.Location.OriginalString)));
        Assert.Equal(DeadlineStatus.Open, await StatusAsync(id));
    }

    [Fact]
    public async Task Ticked_deadlines_are_marked_done_together_another_consultants_id_is_only_counted_as_not_found()
    {
        var (maya, user, clientId) = await ConsultantWithClientAsync("bulk.done");
        var (first, second, left) = (await DeadlineAsync(user, clientId, "Upload MSPE", DeadlineCategory.Documents, Due),
            await DeadlineAsync(user, clientId, "Upload transcript", DeadlineCategory.Documents, Due.AddDays(1)),
            await DeadlineAsync(user, clientId, "Upload photo", DeadlineCategory.Documents, Due.AddDays(2)));
        var (_, other, othersClient) = await ConsultantWithClientAsync("bulk.other");
        var othersDeadline = await DeadlineAsync(other, othersClient, "Someone else's", DeadlineCategory.Documents, Due);
        const string list = "/Deadlines?window=Upcoming&pageSize=50";
        var page = await maya.GetPageAsync(list);
        Assert.Null(page.QuerySelector($"input[name=deadlineIds][value='{othersDeadline}']"));

        // A page kept open while another consultant's id was slipped into the selection.
        var response = await maya.SubmitTickedAsync(page, list, "form#bulk-deadlines", [first.ToString(), second.ToString()],
            new() { ["status"] = "Done", ["deadlineIds"] = othersDeadline.ToString() });

        Assert.Equal("/Deadlines?window=Upcoming&pageSize=50&page=1", response.Headers.Location!.OriginalString);
        Assert.Equal("2 deadlines marked done; 1 skipped: not found. Their remaining reminders are cancelled.",
            Flash(await maya.GetPageAsync(response.Headers.Location.OriginalString)));
        Assert.Equal([DeadlineStatus.Done, DeadlineStatus.Done, DeadlineStatus.Open, DeadlineStatus.Open],
            [await StatusAsync(first), await StatusAsync(second), await StatusAsync(left), await StatusAsync(othersDeadline)]);
    }

    [Fact]
    public async Task Nothing_ticked_goes_back_to_the_same_list_with_the_message_and_a_post_without_its_token_is_refused()
    {
        var (maya, user, clientId) = await ConsultantWithClientAsync("bulk.none");
        var id = await DeadlineAsync(user, clientId, "Upload MSPE", DeadlineCategory.Documents, Due);
        const string list = "/Deadlines?window=Upcoming&category=Documents";
        var page = await maya.GetPageAsync(list);

        var refused = await maya.SubmitTickedAsync(page, list, "form#bulk-deadlines", [], new() { ["status"] = "Done" });

        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Equal("/Deadlines?window=Upcoming&category=Documents&pageSize=25&page=1", refused.Headers.Location!.OriginalString);
        Assert.Equal("Tick at least one deadline.",
            (await maya.GetPageAsync(refused.Headers.Location.OriginalString)).QuerySelector(".alert-danger")!.TextContent.Trim());

        var tokenless = await maya.Http.PostAsync("/Deadlines/Bulk?window=Upcoming",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["deadlineIds"] = id.ToString(), ["status"] = "Done" }));
        Assert.Equal(HttpStatusCode.BadRequest, tokenless.StatusCode);
        Assert.Equal(DeadlineStatus.Open, await StatusAsync(id));
    }

    [Fact]
    public async Task The_deadlines_page_shows_one_due_date_per_row_with_the_applicants_own_time_only_where_it_differs()
    {
        var (maya, user, clientId) = await ConsultantWithClientAsync("rows.times", "Asia/Kolkata");
        await DeadlineAsync(user, clientId, "All-day deadline", DeadlineCategory.Exam, Due);
        await app.Services.SendAsAsync(user, new AddDeadline
        {
            ClientId = clientId, Title = "Timed deadline", Category = DeadlineCategory.Exam, DueDate = Due.AddDays(1), DueTime = new TimeOnly(10, 0),
        });

        var rows = (await maya.GetPageAsync("/Deadlines?window=Upcoming&pageSize=100")).QuerySelectorAll("tbody tr");

        string DueCell(string title) => rows.Single(r => r.TextContent.Contains(title)).QuerySelectorAll("td")[1].TextContent.Trim();
        Assert.Equal("20 May 2031", DueCell("All-day deadline"));
        // 10:00 in Kolkata is 00:30 the same day in New York, the viewer's zone.
        Assert.Equal("21 May 2031, 00:30 10:00 Asia/Kolkata", string.Join(" ", DueCell("Timed deadline").Split((char[])['\n', ' '], StringSplitOptions.RemoveEmptyEntries)));
    }

    [Fact]
    public async Task Letters_rows_mark_uploaded_resend_and_undo_and_come_back_to_the_same_list()
    {
        var (maya, user, clientId) = await ConsultantWithClientAsync("letters.rows");
        var (uploading, resending) = (await RequestedLetterAsync(user, clientId, "Dr. Uploading"), await RequestedLetterAsync(user, clientId, "Dr. Resending"));
        const string list = "/Letters?search=Dr.%20";

        var uploaded = await maya.SubmitAsync(await maya.GetPageAsync(list), list, $"form[action^='/Letters/MarkUploaded/{uploading}?']", new());
        Assert.Equal("/Letters?search=Dr.%20&pageSize=25&page=1", uploaded.Headers.Location!.OriginalString);
        Assert.Equal("Letter marked uploaded; its deadline is done and the applicant's reminders for it are cancelled.",
            Flash(await maya.GetPageAsync(uploaded.Headers.Location.OriginalString)));
        Assert.Equal(LetterStatus.Uploaded, await LetterStatusAsync(uploading));

        var resent = await maya.SubmitAsync(await maya.GetPageAsync(list), list, $"form[action^='/Letters/Resend/{resending}?']", new());
        Assert.Equal("Letter request resent; the referee's follow-ups start again from today.", Flash(await maya.GetPageAsync(resent.Headers.Location!.OriginalString)));
        Assert.Equal(2, await app.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.LetterRequestId == resending && m.Kind == OutboxKind.LetterRequest)));

        const string uploadedList = "/Letters?uploaded=true";
        var uploadedPage = await maya.GetPageAsync(uploadedList);
        Assert.Equal([uploading.ToString()], uploadedPage.QuerySelectorAll("tbody tr").Select(r => r.GetAttribute("data-letter-id")));
        var undone = await maya.SubmitAsync(uploadedPage, uploadedList, $"form[action^='/Letters/UndoUpload/{uploading}?']", new());
        Assert.StartsWith("/Letters?uploaded=true", undone.Headers.Location!.OriginalString);
        Assert.Equal("Upload undone: the letter is waiting on its referee again and its deadline is open.",
            Flash(await maya.GetPageAsync(undone.Headers.Location.OriginalString)));
        Assert.Equal(LetterStatus.Requested, await LetterStatusAsync(uploading));
    }

    [Fact]
    public async Task Ticked_letters_are_marked_uploaded_or_resent_together_and_the_message_says_what_was_skipped_and_why()
    {
        var (maya, user, clientId) = await ConsultantWithClientAsync("letters.bulk");
        var ids = new[]
        {
            await RequestedLetterAsync(user, clientId, "Dr. One"), await RequestedLetterAsync(user, clientId, "Dr. Two"),
            await RequestedLetterAsync(user, clientId, "Dr. Three"),
        };
        const string list = "/Letters";
        var page = await maya.GetPageAsync(list);
        // The referee declines one while the page is open.
        await app.Services.SendAsAsync(user, new RecordLetterStatus(ids[2], LetterStatus.Declined, "Retired"));

        var resent = await maya.SubmitTickedAsync(page, list, "form#bulk-letters", ids.Select(i => i.ToString()), new() { ["change"] = "Resend" });
        Assert.Equal("2 letter requests resent; 1 skipped: already declined.", Flash(await maya.GetPageAsync(resent.Headers.Location!.OriginalString)));

        var uploaded = await maya.SubmitTickedAsync(page, list, "form#bulk-letters", ids.Select(i => i.ToString()), new() { ["change"] = "MarkUploaded" });
        Assert.Equal("2 letters marked uploaded; 1 skipped: already declined.", Flash(await maya.GetPageAsync(uploaded.Headers.Location!.OriginalString)));
        Assert.Equal([LetterStatus.Uploaded, LetterStatus.Uploaded, LetterStatus.Declined],
            [await LetterStatusAsync(ids[0]), await LetterStatusAsync(ids[1]), await LetterStatusAsync(ids[2])]);
    }

    [Fact]
    public async Task Adding_or_editing_a_deadline_says_how_many_reminders_were_planned_or_why_none()
    {
        var (maya, user, clientId) = await ConsultantWithClientAsync("plan.flash");

        var planned = await maya.SubmitAsync($"/Deadlines/Create?clientId={clientId}", "main form", new()
        {
            ["Title"] = "Take USMLE Step 2 CK", ["Category"] = "0", ["DueDate"] = "2031-05-20", ["ReminderOffsets"] = "30, 7, 1",
        });
        Assert.Equal("Deadline “Take USMLE Step 2 CK” added; 3 reminders planned.", Flash(await maya.GetPageAsync(planned.Headers.Location!.OriginalString)));

        var passed = await maya.SubmitAsync($"/Deadlines/Create?clientId={clientId}", "main form", new()
        {
            ["Title"] = "Already due", ["Category"] = "0", ["DueDate"] = DateTime.UtcNow.AddDays(-2).ToString("yyyy-MM-dd"), ["ReminderOffsets"] = "7",
        });
        Assert.Equal("Deadline “Already due” added; no reminders: all dates have passed.", Flash(await maya.GetPageAsync(passed.Headers.Location!.OriginalString)));

        await app.Services.SendAsAsync(user, new Consultancy.Application.Clients.SetReminderOptOut(clientId, true, "Asked by email"));
        var id = await app.QueryAsync(db => db.Deadlines.Where(d => d.ClientId == clientId && d.Title == "Take USMLE Step 2 CK").Select(d => d.Id).SingleAsync());
        var edited = await maya.SubmitAsync($"/Deadlines/Edit/{id}", "main form", new() { ["Title"] = "Take USMLE Step 2 CK (booked)" });
        Assert.Equal("Deadline saved; no reminders: the client opted out of reminders.", Flash(await maya.GetPageAsync(edited.Headers.Location!.OriginalString)));
    }

    [Fact]
    public async Task The_outbox_opens_on_upcoming_mail_soonest_first_and_its_tabs_show_sent_newest_first_and_failed_only()
    {
        var admin = await BrowserlessSession.SignInAsync(app, app.Admin);
        var now = DateTime.UtcNow;
        // Pending mail due at least minutes ahead, so the running dispatcher leaves it alone during the test.
        await MessagesAsync(
            ("later", OutboxStatus.Pending, now.AddDays(30), null), ("soon", OutboxStatus.Pending, now.AddMinutes(15), null),
            ("tomorrow", OutboxStatus.Pending, now.AddDays(1), null), ("next-week", OutboxStatus.Pending, now.AddDays(7), null),
            ("sent-first", OutboxStatus.Sent, now.AddDays(-3), now.AddDays(-3)), ("sent-last", OutboxStatus.Sent, now.AddDays(-1), now.AddDays(-1)),
            ("sent-middle", OutboxStatus.Sent, now.AddDays(-2), now.AddDays(-2)), ("failed", OutboxStatus.Failed, now.AddDays(-1), null),
            ("cancelled", OutboxStatus.Cancelled, now.AddDays(2), null));

        var upcoming = await admin.GetPageAsync("/Outbox?search=tabs-");
        Assert.Equal(["soon", "tomorrow", "next-week", "later"], Recipients(upcoming));
        Assert.Equal("Upcoming", upcoming.QuerySelector("nav[aria-label='Outbox by status'] [aria-current=page]")!.TextContent.Trim());
        // Today's sends are marked as such: today in the admin's own zone.
        var endOfToday = OutboxListViewModel.EndOfToday(now, TimeZones.Find(await app.QueryAsync(db => db.UserProfiles.Where(u => u.Email == app.Admin.Email).Select(u => u.TimeZoneId).SingleAsync())));
        Assert.Equal(now.AddMinutes(15) < endOfToday, upcoming.QuerySelectorAll("tbody tr")[0].QuerySelector(".badge")?.TextContent == "today");
        Assert.Null(upcoming.QuerySelectorAll("tbody tr")[2].QuerySelector(".badge"));
        Assert.Equal("Failed 1", string.Join(" ", upcoming.QuerySelector("nav[aria-label='Outbox by status'] a[href*='status=Failed']")!.TextContent.Split(' ', StringSplitOptions.RemoveEmptyEntries)));

        var sent = await admin.GetPageAsync("/Outbox?status=Sent&search=tabs-");
        Assert.Equal(["sent-last", "sent-middle", "sent-first"], Recipients(sent));
        Assert.Equal("Sent", sent.QuerySelector("nav[aria-label='Outbox by status'] [aria-current=page]")!.TextContent.Trim());
        Assert.Equal(["failed"], Recipients(await admin.GetPageAsync("/Outbox?status=Failed&search=tabs-")));
        Assert.Equal(["cancelled"], Recipients(await admin.GetPageAsync("/Outbox?status=Cancelled&search=tabs-")));
        Assert.Equal(9, Recipients(await admin.GetPageAsync("/Outbox?status=All&search=tabs-")).Count);
    }

    [Fact]
    public async Task A_reminder_in_the_outbox_reads_as_the_applicant_gets_it_with_the_viewers_time_second()
    {
        var (maya, user, clientId) = await ConsultantWithClientAsync("outbox.times", "Asia/Karachi");
        await app.Services.SendAsAsync(user, new AddDeadline
        {
            ClientId = clientId, Title = "Karachi timing check", Category = DeadlineCategory.Exam, DueDate = Due, ReminderOffsets = "7",
        });

        var when = (await maya.GetPageAsync("/Outbox?search=Karachi%20timing")).QuerySelector("tbody tr td")!;

        // 09:00 in Karachi on 13 May is 04:00 UTC: midnight in New York, the consultant's zone.
        Assert.Equal("13 May 2031, 09:00 Asia/Karachi", when.QuerySelector("time")!.TextContent);
        Assert.Equal("00:00 your time", when.QuerySelector(".second-time")!.TextContent);
        var clientPage = await maya.GetPageAsync($"/Clients/Details/{clientId}");
        Assert.Contains("planned 13 May 2031, 09:00 Asia/Karachi 00:00 your time",
            string.Join(" ", clientPage.QuerySelector(".reminder-list li")!.TextContent.Split((char[])['\n', ' '], StringSplitOptions.RemoveEmptyEntries)));
    }

    private async Task<(BrowserlessSession Session, TestUser User, int ClientId)> ConsultantWithClientAsync(string name, string timeZone = "America/New_York")
    {
        var user = await app.ConsultantAsync($"{name}@consultancy.test");
        var clientId = await app.Services.SendAsAsync(user, ClientBuilder.NewClient("List", name.Replace(".", " ")) with { TimeZoneId = timeZone });
        return (await BrowserlessSession.SignInAsync(app, user), user, clientId);
    }

    private Task<int> DeadlineAsync(TestUser user, int clientId, string title, DeadlineCategory category, DateOnly due) =>
        app.Services.SendAsAsync(user, new AddDeadline { ClientId = clientId, Title = title, Category = category, DueDate = due, ReminderOffsets = "14, 7, 1" });

    private async Task<int> RequestedLetterAsync(TestUser user, int clientId, string referee)
    {
        var letterId = await app.Services.SendAsAsync(user, LetterBuilder.NewLetter(clientId, Due, referee));
        await app.Services.SendAsAsync(user, new SendLetterRequest(letterId));
        return letterId;
    }

    private async Task MessagesAsync(params (string Name, OutboxStatus Status, DateTime DueAt, DateTime? SentAt)[] messages)
    {
        await app.QueryAsync(async db =>
        {
            foreach (var (name, status, dueAt, sentAt) in messages)
            {
                var message = OutboxMessage.Fixed(OutboxKind.Account, $"tabs-test:{name}", $"tabs-{name}@mail.test", "Tabs", "Tabs", null, dueAt);
                message.Status = status;
                message.DueAt = dueAt;
                message.SentAt = sentAt;
                db.OutboxMessages.Add(message);
            }
            return await db.SaveChangesAsync();
        });
    }

    private static List<string> Recipients(IDocument page) =>
        page.QuerySelectorAll("tbody tr td[data-label=To]").Select(td => td.TextContent.Trim()["tabs-".Length..].Split('@')[0]).ToList();

    private static string Flash(IDocument page) => page.QuerySelector(".alert-success")!.TextContent.Trim();

    private Task<DeadlineStatus> StatusAsync(int id) => app.QueryAsync(db => db.Deadlines.Where(d => d.Id == id).Select(d => d.Status).SingleAsync());

    private Task<LetterStatus> LetterStatusAsync(int id) => app.QueryAsync(db => db.LetterRequests.Where(l => l.Id == id).Select(l => l.Status).SingleAsync());
}
