using System.Net;
using Consultancy.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Tests.Web;

/// <summary>
/// SQLite lets one writer at a time. A request that finds the file locked waits its turn (the provider retries
/// a busy or locked database until the command timeout) instead of failing.
/// </summary>
public sealed class ConcurrentWriteTests(AppFactory app) : IClassFixture<AppFactory>
{
    // SQLite's single writer lock, taken by another connection to the same file.
    [Fact, Trait(Store.Trait, Store.SqliteOnly)]
    public async Task A_post_that_finds_the_database_locked_by_another_writer_waits_and_succeeds()
    {
        var consultant = await BrowserlessSession.SignInAsync(app, await app.ConsultantAsync("locked.writer@consultancy.test"));
        var clientId = await CreateClientAsync(consultant, "Locked", "Out");
        var notePage = await consultant.GetPageAsync($"/Clients/Details/{clientId}");

        await using var other = new SqliteConnection($"Data Source={app.DatabasePath};Pooling=False");
        await other.OpenAsync();
        await using (var begin = other.CreateCommand())
        {
            begin.CommandText = "BEGIN IMMEDIATE;";
            await begin.ExecuteNonQueryAsync();
        }

        var post = consultant.SubmitAsync(notePage, $"/Clients/Details/{clientId}", "form[action*=AddNote]", new() { ["body"] = "Written after the lock" });
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        Assert.False(post.IsCompleted, "the note was written while another connection held the write lock");
        await using (var commit = other.CreateCommand())
        {
            commit.CommandText = "COMMIT;";
            await commit.ExecuteNonQueryAsync();
        }

        var response = await post;
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(1, await app.QueryAsync(db => db.ClientNotes.CountAsync(n => n.ClientId == clientId && n.Body == "Written after the lock")));
    }

    [Fact]
    public async Task Parallel_writers_all_succeed_and_every_write_is_kept()
    {
        const int writers = 6, postsEach = 15;
        var sessions = await Task.WhenAll(Enumerable.Range(1, writers).Select(async n =>
            await BrowserlessSession.SignInAsync(app, await app.ConsultantAsync($"parallel.writer{n}@consultancy.test"))));
        var clients = await Task.WhenAll(sessions.Select((session, n) => CreateClientAsync(session, "Parallel", $"Writer{n}")));
        var pages = await Task.WhenAll(sessions.Select((session, n) => session.GetPageAsync($"/Clients/Details/{clients[n]}")));

        // Each writer alternates notes with stage changes and new clients, so several tables are written at once
        // while the reminder dispatcher runs beside them.
        var statuses = await Task.WhenAll(sessions.Select(async (session, n) =>
        {
            var answers = new List<HttpStatusCode>();
            for (var i = 0; i < postsEach; i++)
            {
                var response = (i % 3) switch
                {
                    0 => await session.SubmitAsync(pages[n], $"/Clients/Details/{clients[n]}", "form[action*=AddNote]", new() { ["body"] = $"Parallel note {i}" }),
                    1 => await session.PostAsync($"/Clients/ChangeStage/{clients[n]}", "/Clients", new() { ["stage"] = i % 2 == 0 ? "Applied" : "Interviewing" }),
                    _ => await session.SubmitAsync("/Clients/Create", "main form", WebForms.NewClient("Extra", $"W{n}N{i}")),
                };
                answers.Add(response.StatusCode);
            }
            return answers;
        }).Append(DispatchRepeatedlyAsync()));

        Assert.All(statuses.SelectMany(s => s), status => Assert.Equal(HttpStatusCode.Redirect, status));
        var notes = await app.QueryAsync(db => db.ClientNotes.CountAsync(n => clients.Contains(n.ClientId) && n.Body.StartsWith("Parallel note")));
        Assert.Equal(writers * postsEach / 3, notes);
        var extras = await app.QueryAsync(db => db.Clients.IgnoreQueryFilters().CountAsync(c => c.FirstName == "Extra" && c.LastName.StartsWith("W")));
        Assert.Equal(writers * postsEach / 3, extras);
    }

    private async Task<List<HttpStatusCode>> DispatchRepeatedlyAsync()
    {
        for (var i = 0; i < 10; i++) await app.DispatchAsync();
        return [];
    }

    private static async Task<int> CreateClientAsync(BrowserlessSession session, string firstName, string lastName)
    {
        var created = await session.SubmitAsync("/Clients/Create", "main form", WebForms.NewClient(firstName, lastName));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        return int.Parse(created.Headers.Location!.OriginalString.Split('/').Last());
    }
}
