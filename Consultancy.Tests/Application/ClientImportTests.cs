using System.Text;
using Consultancy.Application.Clients.Import;
using Consultancy.Application.Domain;
using Consultancy.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Tests.Application;

/// <summary>The import use case on files larger than one save (it saves every 500 rows inside one transaction).</summary>
public sealed class ClientImportTests : IAsyncLifetime
{
    private const int Rows = 1_201;
    private const string Header = "First name,Last name,Email,Phone,Time zone,Graduation year,Target system,Season,Stage";
    private ApplicationHarness _app = null!;
    private TestUser _maya = null!;

    public async Task InitializeAsync()
    {
        _app = await ApplicationHarness.StartAsync();
        _maya = await _app.ConsultantAsync("maya@consultancy.test");
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_file_of_several_saves_adds_every_row_and_importing_it_changed_updates_every_client_with_its_history()
    {
        var added = await _app.SendAsync(_maya, new ImportClients(File("+1 416 555 0100", "Applied")));
        var updated = await _app.SendAsync(_maya, new ImportClients(File("+1 416 555 0199", "Interviewing")));

        Assert.Equal((Rows, 0), (added.Added, added.Updated));
        Assert.Equal((0, Rows), (updated.Added, updated.Updated));
        var clients = await _app.QueryAsync(db => db.Clients
            .Select(c => new { c.Phone, c.Stage, c.TimeZoneId, Changes = c.StageChanges.Count() }).ToListAsync());
        Assert.Equal(Rows, clients.Count);
        Assert.All(clients, c => Assert.Equal(("+1 416 555 0199", ClientStage.Interviewing, "America/Toronto", 2), (c.Phone, c.Stage, c.TimeZoneId, c.Changes)));
        // Every update is on its client's timeline, field by field, as an edit on the client page would be.
        var phoneChanges = await _app.QueryAsync(db => db.AuditEntriesMentioning("+1 416 555 0199").CountAsync(a => a.Action == AuditAction.Updated));
        Assert.Equal(Rows, phoneChanges);
    }

    private static MemoryStream File(string phone, string stage)
    {
        var text = new StringBuilder(Header).Append('\n');
        for (var i = 0; i < Rows; i++)
            text.Append($"Applicant{i},Imported,applicant{i}@applicant.test,{phone},America/Toronto,2022,ERAS/NRMP,ERAS 2028,{stage}\n");
        return new MemoryStream(Encoding.UTF8.GetBytes(text.ToString()));
    }
}
