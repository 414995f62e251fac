using System.Net;
using Consultancy.Application.Domain;
using Consultancy.Infrastructure.Identity;
using Consultancy.Infrastructure.Persistence;
using Consultancy.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Consultancy.Tests.Web;

/// <summary>
/// An admin downloads a consistent copy of the live database, and the restore procedure in docs/security.md (put the file
/// in place of the database, without -wal/-shm files, and start) brings the app back with the data in it. The app
/// copies SQLite databases itself; on PostgreSQL the page sends the admin to pg_dump instead.
/// </summary>
public sealed class BackupTests
{
    [Fact, Trait(Store.Trait, Store.SqliteOnly)]
    public async Task A_backup_taken_during_writes_restores_into_a_working_app_with_the_data_and_migration_history()
    {
        byte[] downloaded;
        int clientsBefore;
        await using (var app = new AppFactory())
        {
            var admin = await BrowserlessSession.SignInAsync(app, app.Admin);
            var saved = await admin.SubmitAsync("/Clients/Create", "main form", WebForms.NewClient("Backed", "Up"));
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            clientsBefore = await app.QueryAsync(db => db.Clients.CountAsync());

            // Another user keeps saving clients while the backup is taken.
            var writer = await BrowserlessSession.SignInAsync(app, await app.ConsultantAsync("backup.writer@consultancy.test"));
            using var stopWriting = new CancellationTokenSource();
            var writes = Task.Run(async () =>
            {
                var written = 0;
                while (!stopWriting.IsCancellationRequested)
                {
                    var response = await writer.SubmitAsync("/Clients/Create", "main form", WebForms.NewClient("Concurrent", $"Writer{written}"));
                    Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                    written++;
                }
                return written;
            });
            while (await app.QueryAsync(db => db.Clients.CountAsync()) == clientsBefore) await Task.Delay(10);

            var backup = await admin.SubmitAsync("/Backup", "main form", new());
            await stopWriting.CancelAsync();
            Assert.True(await writes > 0);

            Assert.Equal(HttpStatusCode.OK, backup.StatusCode);
            Assert.Equal("application/vnd.sqlite3", backup.Content.Headers.ContentType?.MediaType);
            Assert.Matches(@"^consultancy-\d{8}-\d{6}\.db$", backup.Content.Headers.ContentDisposition?.FileNameStar ?? backup.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
            downloaded = await backup.Content.ReadAsByteArrayAsync();
            var kept = Assert.Single(Directory.GetFiles(app.BackupDirectory));
            Assert.Equal(downloaded, await File.ReadAllBytesAsync(kept));
        }

        using var restored = new TempDirectory();
        await File.WriteAllBytesAsync(restored.File("app.db"), downloaded);
        await using var restart = new AppFactory().With("ConnectionStrings:Default", $"Data Source={restored.File("app.db")};Pooling=False");
        var clients = await (await BrowserlessSession.SignInAsync(restart, restart.Admin)).Http.GetAsync("/Clients?search=Backed");
        Assert.Equal(HttpStatusCode.OK, clients.StatusCode);
        Assert.Contains("Up, Backed", await clients.Content.ReadAsStringAsync());

        // Every client in the copy is whole (a snapshot, not a torn write), and some of the concurrent ones made it in.
        var restoredClients = await restart.QueryAsync(db => db.Clients.Select(c => new { c.FirstName, c.LastName, c.Email }).ToListAsync());
        Assert.True(restoredClients.Count > clientsBefore);
        Assert.All(restoredClients, c => Assert.False(string.IsNullOrEmpty(c.FirstName) || string.IsNullOrEmpty(c.LastName) || string.IsNullOrEmpty(c.Email)));

        var (applied, known) = await restart.QueryAsync(async db => (
            (await db.Database.GetAppliedMigrationsAsync()).ToList(), db.Database.GetMigrations().ToList()));
        Assert.Equal(known, applied);
    }

    [Fact]
    public async Task Only_admins_reach_backups_and_only_by_a_form_post_with_an_antiforgery_token()
    {
        await using var app = new AppFactory();
        var consultant = await BrowserlessSession.SignInAsync(app, await app.ConsultantAsync("backup.nosy@consultancy.test"));
        foreach (var refused in new[] { await consultant.Http.GetAsync("/Backup"), await consultant.Http.PostAsync("/Backup/Create", new FormUrlEncodedContent([])) })
        {
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.StartsWith("/Error/403", refused.Headers.Location!.PathAndQuery);
        }

        var admin = await BrowserlessSession.SignInAsync(app, app.Admin);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.Http.PostAsync("/Backup/Create", new FormUrlEncodedContent([]))).StatusCode);
        Assert.False(Directory.Exists(app.BackupDirectory) && Directory.GetFiles(app.BackupDirectory).Length > 0);
        Assert.Equal(0, await app.QueryAsync(db => db.SecurityEvents.CountAsync(e => e.Kind == SecurityEventKind.DatabaseBackedUp)));
    }

    [Fact, Trait(Store.Trait, Store.SqliteOnly)]
    public async Task Only_the_newest_backups_are_kept_and_the_backup_is_logged()
    {
        await using var app = new AppFactory().With("Backup:Keep", "2");
        var admin = await BrowserlessSession.SignInAsync(app, app.Admin);
        var old = Directory.CreateDirectory(app.BackupDirectory).FullName;
        foreach (var stamp in new[] { "20200101-000000", "20200102-000000", "20200103-000000" })
            await File.WriteAllTextAsync(Path.Combine(old, $"consultancy-{stamp}.db"), "an older backup");
        await File.WriteAllTextAsync(Path.Combine(old, "notes.txt"), "not a backup");

        Assert.Equal(HttpStatusCode.OK, (await admin.SubmitAsync("/Backup", "main form", new())).StatusCode);
        var left = Directory.GetFiles(old).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(3, left.Count);
        Assert.Equal("consultancy-20200103-000000.db", left[0]);
        Assert.Matches(@"^consultancy-\d{8}-\d{6}\.db$", left[1]);
        Assert.Equal("notes.txt", left[2]);

        await using var scope = app.Services.CreateSystemScope();
        var logged = await scope.ServiceProvider.GetRequiredService<AppDbContext>().SecurityEvents
            .Where(e => e.Kind == SecurityEventKind.DatabaseBackedUp).ToListAsync();
        Assert.Equal((app.Admin.Email, left[1]), (Assert.Single(logged).Actor, logged[0].Detail));
    }

    [Fact]
    public async Task The_backup_page_offers_a_download_only_where_the_app_takes_backups_and_on_PostgreSQL_points_to_pg_dump()
    {
        await using var app = new AppFactory();
        var admin = await BrowserlessSession.SignInAsync(app, app.Admin);
        const string guidance = "This app runs on PostgreSQL: back the database up with pg_dump";

        var page = await admin.GetPageAsync("/Backup");

        if (!PostgreSqlDatabase.SuiteRunsOnPostgreSql)
        {
            Assert.NotNull(page.QuerySelector("main form[action='/Backup/Create'] button"));
            Assert.DoesNotContain(guidance, page.Body!.TextContent);
            return;
        }
        Assert.Contains(guidance, page.QuerySelector("main [role=status]")!.TextContent);
        Assert.Null(page.QuerySelector("main form"));

        var response = await admin.PostAsync("/Backup/Create", "/", new());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Backup", response.Headers.Location!.OriginalString);
        page = await admin.GetPageAsync("/Backup");
        Assert.Contains(guidance, page.QuerySelector("[role=alert]")!.TextContent);
        Assert.False(Directory.Exists(app.BackupDirectory) && Directory.GetFiles(app.BackupDirectory).Length > 0);
        Assert.Equal(0, await app.QueryAsync(db => db.SecurityEvents.CountAsync(e => e.Kind == SecurityEventKind.DatabaseBackedUp)));
    }
}
