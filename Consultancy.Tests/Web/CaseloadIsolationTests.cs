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
