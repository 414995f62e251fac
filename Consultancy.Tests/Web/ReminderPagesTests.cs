using System.Net;
using AngleSharp.Dom;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using Consultancy.Infrastructure.Identity;
using Consultancy.Infrastructure.Persistence;
using Consultancy.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Consultancy.Tests.Web;

public sealed class ReminderPagesTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task A_deadline_added_on_the_client_page_shows_its_planned_reminders()
    {
        var (session, clientId) = await ClientAsync("deadlines1@consultancy.test");

        var response = await session.SubmitAsync($"/Deadlines/Create?clientId={clientId}", "main form", new()
        {
            ["Title"] = "Take USMLE Step 2 CK", ["Category"] = "0", ["DueDate"] = "2031-05-20", ["ReminderOffsets"] = "30, 7",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await session.GetPageAsync($"/Clients/Details/{clientId}");
        var row = page.QuerySelectorAll("#deadlines tbody tr").Single();
        Assert.Contains("Take USMLE Step 2 CK", row.TextContent);
        Assert.Equal(["30 d before", "7 d before"], row.QuerySelectorAll("td:nth-child(3) a").Select(a => a.TextContent.Trim()));
        Assert.Contains("planned 20 Apr 2031, 09:00", row.TextContent);
    }

    [Fact]
    public async Task A_deadline_form_with_bad_input_is_shown_again_with_messages_and_nothing_is_saved()
    {
        var (session, clientId) = await ClientAsync("deadlines2@consultancy.test");

        var response = await session.SubmitAsync($"/Deadlines/Create?clientId={clientId}", "main form", new()
        {
            ["Title"] = "", ["DueDate"] = "", ["ReminderOffsets"] = "7, soon, -1",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var messages = (await BrowserlessSession.ParseAsync(response)).QuerySelectorAll(".field-validation-error").Select(e => e.TextContent).ToList();
        Assert.Contains("Enter what is due, e.g. \"Submit MyERAS application\".", messages);
        Assert.Contains("Enter the due date.", messages);
        Assert.Contains(messages, m => m.StartsWith("List whole numbers of days"));
        Assert.Equal(0, await CountAsync(db => db.Deadlines.CountAsync(d => d.ClientId == clientId)));
    }

    [Fact]
    public async Task Another_consultants_deadlines_and_outbox_messages_are_not_found()
    {
        var (alice, clientId) = await ClientAsync("deadlines3@consultancy.test");
        var bob = await BrowserlessSession.SignInAsync(app, await app.ConsultantAsync("deadlines3b@consultancy.test"));
        await alice.SubmitAsync($"/Deadlines/Create?clientId={clientId}", "main form", new() { ["Title"] = "Upload MSPE", ["DueDate"] = "2031-01-10" });
        var deadlineId = await CountAsync(db => db.Deadlines.Where(d => d.ClientId == clientId).Select(d => d.Id).SingleAsync());
        var messageId = await CountAsync(db => db.OutboxMessages.Where(m => m.DeadlineId == deadlineId).Select(m => m.Id).FirstAsync());

        Assert.Equal(HttpStatusCode.NotFound, (await bob.Http.GetAsync($"/Deadlines/Create?clientId={clientId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bob.Http.GetAsync($"/Deadlines/Edit/{deadlineId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bob.Http.GetAsync($"/Outbox/Details/{messageId}")).StatusCode);
        foreach (var (url, fields) in new[]
        {
            ($"/Deadlines/Create", new Dictionary<string, string> { ["ClientId"] = clientId.ToString(), ["Title"] = "Sneaky", ["DueDate"] = "2031-01-01" }),
            ($"/Deadlines/Edit/{deadlineId}", new Dictionary<string, string> { ["ClientId"] = clientId.ToString(), ["Title"] = "Sneaky", ["DueDate"] = "2031-01-01" }),
            ($"/Deadlines/ChangeStatus/{deadlineId}", new Dictionary<string, string> { ["status"] = "Done", ["clientId"] = clientId.ToString() }),
            ($"/Deadlines/Delete/{deadlineId}", new Dictionary<string, string>()),
            ($"/Outbox/Cancel/{messageId}", new Dictionary<string, string>()),
            ($"/Clients/Reminders/{clientId}", new Dictionary<string, string> { ["optedOut"] = "true" }),
        })
        {
            var response = await bob.PostAsync(url, "/Clients", fields);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"POST {url} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
        Assert.Equal(("Upload MSPE", 1), await CountAsync(async db =>
            (await db.Deadlines.Where(d => d.Id == deadlineId).Select(d => d.Title).SingleAsync(), await db.Deadlines.CountAsync(d => d.ClientId == clientId))));
    }

    [Fact]
    public async Task The_unsubscribe_link_asks_first_on_GET_and_opts_out_on_a_one_click_POST_without_any_cookie()
    {
        var (session, clientId) = await ClientAsync("deadlines4@consultancy.test");
        await session.SubmitAsync($"/Deadlines/Create?clientId={clientId}", "main form", new() { ["Title"] = "Upload MSPE", ["DueDate"] = "2031-01-10" });
        var url = new Uri(await LinkAsync(clientId)).PathAndQuery;
        var anonymous = app.NewBrowserlessClient();

        var confirm = await anonymous.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        Assert.Contains("Stop reminder emails?", await confirm.Content.ReadAsStringAsync());
        Assert.False(await OptedOutAsync(clientId));

        var oneClick = await anonymous.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" }));
        Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);
        Assert.Contains("You will get no more reminder emails", await oneClick.Content.ReadAsStringAsync());
        Assert.True(await OptedOutAsync(clientId));
        Assert.Equal([OutboxStatus.Cancelled], await CountAsync(db => db.OutboxMessages.Where(m => m.ClientId == clientId).Select(m => m.Status).Distinct().ToListAsync()));

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.PostAsync("/u/forged-token", null)).StatusCode);
    }

    [Fact]
    public async Task The_outbox_is_searched_by_deadline_recipient_or_client_within_the_caseload()
    {
        var (alice, clientId) = await ClientAsync("outboxsearch@consultancy.test");
        var bob = await BrowserlessSession.SignInAsync(app, await app.ConsultantAsync("outboxsearch-b@consultancy.test"));
        await alice.SubmitAsync($"/Deadlines/Create?clientId={clientId}", "main form", new()
        {
            ["Title"] = "Request Dean's letter 100%", ["DueDate"] = "2031-03-10", ["ReminderOffsets"] = "14, 7",
        });

        var found = await alice.GetPageAsync("/Outbox?search=dean%27s%20LETTER%20100%25");
        var rows = found.QuerySelectorAll("tbody tr");
        Assert.Equal(2, rows.Length);
        Assert.All(rows, r => Assert.Contains("Request Dean's letter 100%", r.TextContent));
        Assert.Equal("dean's LETTER 100%", ((AngleSharp.Html.Dom.IHtmlInputElement)found.QuerySelector("#search")!).Value);

        // "%" is a character to find, not a wildcard; and another consultant's client is not found at all.
        Assert.Empty((await alice.GetPageAsync("/Outbox?search=Dean%27s%20letter%20%25%25")).QuerySelectorAll("tbody tr"));
        Assert.Empty((await bob.GetPageAsync("/Outbox?search=Dean%27s%20letter")).QuerySelectorAll("tbody tr"));
    }

    private async Task<(BrowserlessSession Session, int ClientId)> ClientAsync(string email)
    {
        var session = await BrowserlessSession.SignInAsync(app, await app.ConsultantAsync(email));
        var created = await session.SubmitAsync("/Clients/Create", "main form", new Dictionary<string, string>(WebForms.NewClient("Reminder", "Client"))
        {
            ["TimeZoneId"] = "America/New_York",
        });
        return (session, int.Parse(created.Headers.Location!.OriginalString.Split('/').Last()));
    }

    private async Task<string> LinkAsync(int clientId)
    {
        await using var scope = app.Services.CreateSystemScope();
        return scope.ServiceProvider.GetRequiredService<IReminderLinks>().Unsubscribe(clientId);
    }

    private Task<bool> OptedOutAsync(int clientId) => CountAsync(db => db.Clients.Where(c => c.Id == clientId).Select(c => c.RemindersOptedOut).SingleAsync());

    private async Task<T> CountAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var scope = app.Services.CreateSystemScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }
}
