using System.Net;
using Consultancy.Tests.Support;

namespace Consultancy.Tests.Web;

/// <summary>The client page opens on what matters: the summary, open deadlines and notes; the rest folds away.</summary>
public sealed class ClientPageLayoutTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_summary_names_the_next_deadline_and_the_reminder_status_and_done_deadlines_fold_away()
    {
        var session = await BrowserlessSession.SignInAsync(app, await app.ConsultantAsync("layout1@consultancy.test"));
        var created = await session.SubmitAsync("/Clients/Create", "main form", new Dictionary<string, string>(WebForms.NewClient("Ayesha", "Khan"))
        {
            ["Step2CkScore"] = "241", ["Stage"] = "Interviewing",
        });
        var clientPage = created.Headers.Location!.OriginalString;
        var clientId = clientPage.Split('/')[^1];
        foreach (var (title, due) in new[] { ("Upload the MSPE", "2031-03-01"), ("Send thank-you notes", "2031-01-15"), ("Book the OET", "2031-02-01") })
            await session.SubmitAsync($"/Deadlines/Create?clientId={clientId}", "main form", new() { ["Title"] = title, ["DueDate"] = due, ["ReminderOffsets"] = "7" });
        var page = await session.GetPageAsync(clientPage);
        var oet = page.QuerySelectorAll("#deadlines tr").Single(r => r.TextContent.Contains("Book the OET"));
        var done = await session.PostAsync(oet.QuerySelector("form[action*=ChangeStatus]")!.GetAttribute("action")!, clientPage,
            new() { ["status"] = "Done", ["clientId"] = clientId });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);

        page = await session.GetPageAsync(clientPage);
        var summary = page.QuerySelector("section[aria-label=Summary]")!.TextContent;
        Assert.Contains("Send thank-you notes", page.QuerySelector("#summary-next-deadline")!.TextContent);
        Assert.Contains("Step 2 CK: 241", summary);
        Assert.Equal("On, at 09:00 Asia/Kolkata", page.QuerySelector("#summary-reminders")!.TextContent.Trim());
        var closed = page.QuerySelector("#closed-deadlines")!;
        Assert.Contains("Done and cancelled (1)", closed.QuerySelector("summary")!.TextContent);
        Assert.Contains("Book the OET", closed.TextContent);
        Assert.Contains("Upload the MSPE", page.QuerySelector("#deadlines table")!.TextContent);
        Assert.DoesNotContain("Book the OET", page.QuerySelector("#deadlines table")!.TextContent);

        await session.PostAsync($"/Clients/ChangeStage/{clientId}", clientPage, new() { ["stage"] = "Withdrawn" });
        page = await session.GetPageAsync(clientPage);
        Assert.Equal("Stopped: withdrawn", page.QuerySelector("#summary-reminders")!.TextContent.Trim());
    }

    [Fact]
    public async Task The_activity_timeline_shows_peoples_actions_or_the_systems_alone()
    {
        var session = await BrowserlessSession.SignInAsync(app, await app.ConsultantAsync("layout2@consultancy.test"));
        var created = await session.SubmitAsync("/Clients/Create", "main form", WebForms.NewClient("Bilal", "Ahmed"));
        var clientPage = created.Headers.Location!.OriginalString;
        var clientId = int.Parse(clientPage.Split('/')[^1]);
        await session.SubmitAsync(clientPage, "form[action*=AddNote]", new() { ["body"] = "Discussed the programs list." });
        await app.QueryAsync(async db =>
        {
            db.AuditEntries.Add(new Consultancy.Application.Domain.AuditEntry
            {
                EntityType = "Reminder", EntityId = "1", ClientId = clientId, Action = Consultancy.Application.Domain.AuditAction.Sent,
                At = DateTime.UtcNow, Changes = [new("Deadline", null, "Upload the MSPE")],
            });
            return await db.SaveChangesAsync();
        });

        string Timeline(AngleSharp.Dom.IDocument page) => page.QuerySelector("section[aria-labelledby=timeline-heading]")!.TextContent;
        var all = Timeline(await session.GetPageAsync(clientPage));
        var people = Timeline(await session.GetPageAsync(clientPage + "?activity=People"));
        var system = Timeline(await session.GetPageAsync(clientPage + "?activity=System"));

        Assert.Contains("Note added", all);
        Assert.Contains("Reminder sent", all);
        Assert.Contains("Note added", people);
        Assert.DoesNotContain("Reminder sent", people);
        Assert.Contains("Reminder sent", system);
        Assert.DoesNotContain("Note added", system);
        Assert.Equal(HttpStatusCode.OK, (await session.Http.GetAsync(clientPage + "?activity=Nonsense")).StatusCode);
    }
}
