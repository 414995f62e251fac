using System.Net;
using Consultancy.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Consultancy.Infrastructure.Identity;
using Consultancy.Infrastructure.Persistence;

namespace Consultancy.Tests.Web;

public sealed class CaseloadIsolationTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Another_consultants_client_is_not_found_on_every_client_route_and_nothing_changes()
    {
        var alice = await BrowserlessSession.SignInAsync(app, await app.ConsultantAsync("alice.web@consultancy.test"));
        var bob = await BrowserlessSession.SignInAsync(app, await app.ConsultantAsync("bob.web@consultancy.test"));
        var created = await alice.SubmitAsync("/Clients/Create", "main form", WebForms.NewClient("Isolated", "Client"));
        var details = created.Headers.Location!.OriginalString;
        var id = details.Split('/').Last();
        var before = await SnapshotAsync(int.Parse(id));

        foreach (var url in new[] { $"/Clients/Details/{id}", $"/Clients/Edit/{id}" })
            Assert.Equal(HttpStatusCode.NotFound, (await bob.Http.GetAsync(url)).StatusCode);

        var posts = new Dictionary<string, Dictionary<string, string>>
        {
            [$"/Clients/Edit/{id}"] = new(WebForms.NewClient("Taken", "Over")) { ["Version"] = Guid.Empty.ToString() },
            [$"/Clients/AddNote/{id}"] = new() { ["body"] = "Bob was here" },
            [$"/Clients/ChangeStage/{id}"] = new() { ["stage"] = "Withdrawn" },
            [$"/Clients/Archive/{id}"] = [],
            [$"/Clients/Restore/{id}"] = [],
        };
        foreach (var (url, fields) in posts)
        {
            var response = await bob.PostAsync(url, "/Clients", fields);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"POST {url} answered {(int)response.StatusCode}");
        }

        Assert.Equal(before, await SnapshotAsync(int.Parse(id)));
        Assert.Equal(HttpStatusCode.OK, (await alice.Http.GetAsync(details)).StatusCode);
    }

    [Fact]
    public async Task Another_consultants_call_is_not_found_on_every_call_route_and_nothing_changes()
    {
        var alice = await BrowserlessSession.SignInAsync(app, await app.ConsultantAsync("alice.calls@consultancy.test"));
        var bob = await BrowserlessSession.SignInAsync(app, await app.ConsultantAsync("bob.calls@consultancy.test"));
        var clientId = (await alice.SubmitAsync("/Clients/Create", "main form", WebForms.NewClient("Called", "Client"))).Headers.Location!.OriginalString.Split('/').Last();
        var day = DateTime.UtcNow.AddDays(3).ToString("yyyy-MM-dd");
        var booked = await alice.SubmitAsync($"/Calls/Book?clientId={clientId}", "main form", new() { ["Date"] = day, ["Time"] = "10:00" });
        Assert.Equal(HttpStatusCode.Redirect, booked.StatusCode);
        var callId = booked.Headers.Location!.OriginalString.Split('/').Last();
        var before = await CallSnapshotAsync(int.Parse(callId));

        foreach (var url in new[] { $"/Calls/Details/{callId}", $"/Calls/Book?clientId={clientId}" })
            Assert.Equal(HttpStatusCode.NotFound, (await bob.Http.GetAsync(url)).StatusCode);
        Assert.DoesNotContain("Called Client", await bob.Http.GetStringAsync("/Calls"));

        var posts = new Dictionary<string, Dictionary<string, string>>
        {
            [$"/Calls/Reschedule/{callId}"] = new() { ["date"] = day, ["time"] = "11:00" },
            [$"/Calls/Cancel/{callId}"] = [],
            [$"/Calls/Outcome/{callId}"] = new() { ["status"] = "Cancelled", ["notes"] = "Bob was here" },
            [$"/Calls/Convert/{callId}"] = [],
            ["/Calls/Book"] = new() { ["ClientId"] = clientId, ["Date"] = day, ["Time"] = "15:00" },
        };
        foreach (var (url, fields) in posts)
        {
            var response = await bob.PostAsync(url, "/Clients", fields);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"POST {url} answered {(int)response.StatusCode}");
        }

        Assert.Equal(before, await CallSnapshotAsync(int.Parse(callId)));
        var page = await alice.GetPageAsync($"/Calls/Details/{callId}");
        Assert.Contains("10:00", page.QuerySelector("#call-when")!.TextContent);
        var clientPage = await alice.GetPageAsync($"/Clients/Details/{clientId}");
        Assert.NotNull(clientPage.QuerySelector($"#calls a[href='/Calls/Details/{callId}']"));
    }

    private async Task<string> CallSnapshotAsync(int id)
    {
        await using var scope = app.Services.CreateSystemScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var call = await db.StrategyCalls.AsNoTracking().SingleAsync(c => c.Id == id);
        var calls = await db.StrategyCalls.CountAsync(c => c.ClientId == call.ClientId);
        return $"{call.StartUtc:O}|{call.Status}|{call.Sequence}|{call.OutcomeNotes}|{calls}";
    }

    private async Task<string> SnapshotAsync(int id)
    {
        await using var scope = app.Services.CreateSystemScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var client = await db.Clients.AsNoTracking().SingleAsync(c => c.Id == id);
        var notes = await db.ClientNotes.CountAsync(n => n.ClientId == id);
        var audits = await db.AuditEntries.CountAsync(a => a.ClientId == id);
        return $"{client.FirstName}|{client.Stage}|{client.IsArchived}|{client.Version}|{notes}|{audits}";
    }
}
