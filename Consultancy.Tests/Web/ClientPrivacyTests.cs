using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using Consultancy.Application.Clients;
using Consultancy.Application.Dashboard;
using Consultancy.Application.Deadlines;
using Consultancy.Application.Domain;
using Consultancy.Application.Letters;
using Consultancy.Application.ProgramApplications;
using Consultancy.Application.Programs;
using Consultancy.Application.StrategyCalls;
using Consultancy.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Consultancy.Tests.Web;

/// <summary>A client's data export (subject access) and erasure, through the client page.</summary>
public sealed class ClientPrivacyTests(ClientPrivacyTests.PooledApp app) : IClassFixture<ClientPrivacyTests.PooledApp>
{
    /// <summary>
    /// The app with its connection pool on, as in production. Without SQLite's pool, the last connection to close
    /// folds the write-ahead log back into the database and deletes it, which would hide old copies the log keeps.
    /// PostgreSQL's connection string pools already.
    /// </summary>
    public sealed class PooledApp : AppFactory
    {
        public PooledApp()
        {
            if (!PostgreSqlDatabase.SuiteRunsOnPostgreSql) With("ConnectionStrings:Default", $"Data Source={DatabasePath}");
        }

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            SqliteConnection.ClearAllPools();
        }
    }

    private sealed record SeededClient(int Id, string FirstName, string LastName, string Email, string RefereeEmail)
    {
        public string FullName => $"{FirstName} {LastName}";
    }

    /// <summary>
    /// A client with a note, deadlines (with notes and planned reminders, one titled with the client's name), an application, a
    /// letter for it whose request went out (its specialty and notes naming the client), and a booked call whose invite
    /// went out; after the dispatch, the client has sent and pending emails, some with the name in the subject.
    /// </summary>
    private async Task<SeededClient> ClientWithEverythingAsync(TestUser consultant, string firstName, string lastName, string email, string refereeName)
    {
        var form = ClientBuilder.NewClient(firstName, lastName) with { Email = email, Phone = "+234 803 555 0199", Stage = ClientStage.Documents };
        var id = await app.Services.SendAsAsync(consultant, form);
        await app.Services.SendAsAsync(consultant, new AddClientNote(id, $"{firstName} wants to apply to internal medicine in Ohio."));
        await app.Services.SendAsAsync(consultant, new AddDeadline
        {
            ClientId = id, Title = "Upload the MSPE", DueDate = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(40)), ReminderOffsets = "14, 7, 1",
            Notes = $"Ask {firstName}'s dean's office at {email} for the MSPE.",
        });
        // Consultants write the client's name into titles and labels too; erasure must find it there.
        await app.Services.SendAsAsync(consultant, new AddDeadline
        {
            ClientId = id, Title = $"Deadline for {firstName} {lastName}: ask {lastName.ToUpperInvariant()}'s school for the photo",
            DueDate = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(9)), ReminderOffsets = "7, 1",
        });
        var programId = await app.Services.SendAsAsync(consultant, new CreateProgram
        {
            Name = $"Lakeshore Medical Center — Internal Medicine {Guid.NewGuid():N}", Specialty = "Internal Medicine", Country = "United States",
            StateOrProvince = "OH",
        });
        await app.Services.SendAsAsync(consultant, new AddApplications(id, form.Season!, [programId]));
        var applicationId = await app.Services.QueryAsync(db => db.ProgramApplications.Where(a => a.ClientId == id).Select(a => a.Id).SingleAsync());
        var letter = LetterBuilder.NewLetter(id, DateOnly.FromDateTime(DateTime.UtcNow.AddDays(60)), refereeName) with
        {
            Specialty = $"Internal Medicine for {firstName}", Notes = $"{email}: IM programs in Ohio", ApplicationIds = [applicationId],
        };
        var letterId = await app.Services.SendAsAsync(consultant, letter);
        await app.Services.SendAsAsync(consultant, new SendLetterRequest(letterId));
        await app.Services.SendAsAsync(consultant, new BookCallForClient
        {
            ClientId = id, Date = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(5)), Time = new TimeOnly(10, 0),
            Topic = $"{firstName} asks about the visa options for a J-1.",
        });
        await app.DispatchAsync();
        return new SeededClient(id, firstName, lastName, email, letter.RefereeEmail);
    }

    [Fact]
    public async Task The_export_is_a_zip_holding_one_JSON_file_with_everything_about_the_client_and_it_is_logged_by_client_id()
    {
        var consultant = await app.ConsultantAsync("privacy.export@consultancy.test");
        var client = await ClientWithEverythingAsync(consultant, "Oluwaseun", "Adebayo-Export", "oluwaseun.export@applicant.test", "Dr. Ingrid Vasquez");
        var session = await BrowserlessSession.SignInAsync(app, consultant);

        var page = await session.GetPageAsync($"/Clients/Details/{client.Id}");
        var link = page.QuerySelector($"a[href='/Clients/ExportData/{client.Id}']")!;
        Assert.Equal("Export data", link.TextContent.Trim());
        var response = await session.Http.GetAsync(link.GetAttribute("href"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType!.MediaType);
        Assert.Matches($@"^client-{client.Id}-export-\d{{4}}-\d{{2}}-\d{{2}}\.zip$", response.Content.Headers.ContentDisposition!.FileNameStar);
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync(), ZipArchiveMode.Read);
        var entry = Assert.Single(zip.Entries);
        Assert.EndsWith(".json", entry.FullName);
        using var json = await JsonDocument.ParseAsync(entry.Open());
        var root = json.RootElement;

        Assert.Equal("Oluwaseun", root.GetProperty("profile").GetProperty("firstName").GetString());
        Assert.Equal(client.Email, root.GetProperty("profile").GetProperty("email").GetString());
        Assert.Equal("Oluwaseun wants to apply to internal medicine in Ohio.", Assert.Single(root.GetProperty("notes").EnumerateArray()).GetProperty("body").GetString());
        var call = Assert.Single(root.GetProperty("calls").EnumerateArray());
        Assert.Equal("Oluwaseun asks about the visa options for a J-1.", call.GetProperty("topic").GetString());
        var letter = Assert.Single(root.GetProperty("letters").EnumerateArray());
        Assert.Equal(client.RefereeEmail, letter.GetProperty("refereeEmail").GetString());
        Assert.Equal("Requested", letter.GetProperty("status").GetString());
        var assigned = Assert.Single(letter.GetProperty("assignedTo").EnumerateArray());
        Assert.StartsWith("Lakeshore Medical Center — Internal Medicine", assigned.GetProperty("program").GetString());
        Assert.Equal(root.GetProperty("applications")[0].GetProperty("id").GetInt32(), assigned.GetProperty("applicationId").GetInt32());
        var deadline = root.GetProperty("deadlines").EnumerateArray().Single(d => d.GetProperty("title").GetString() == "Upload the MSPE");
        Assert.Contains(client.Email, deadline.GetProperty("notes").GetString());
        Assert.Equal(3, deadline.GetProperty("reminders").GetArrayLength());
        var emails = root.GetProperty("emails").EnumerateArray().ToList();
        Assert.Contains(emails, e => e.GetProperty("kind").GetString() == "LetterRequest" && e.GetProperty("status").GetString() == "Sent"
            && e.GetProperty("recipient").GetString() == client.RefereeEmail);
        Assert.Contains(emails, e => e.GetProperty("kind").GetString() == "Reminder" && e.GetProperty("status").GetString() == "Pending");
        Assert.Contains(root.GetProperty("stageHistory").EnumerateArray(), s => s.GetProperty("toStage").GetString() == "Documents");
        Assert.NotEmpty(root.GetProperty("timeline").EnumerateArray());
        Assert.False(root.TryGetProperty("jsonFileName", out _));

        var logged = await app.QueryAsync(db => db.SecurityEvents.Where(e => e.Kind == SecurityEventKind.ClientDataExported).ToListAsync());
        var exported = Assert.Single(logged, e => e.Subject == $"Client #{client.Id}");
        Assert.Equal(consultant.Email, exported.Actor);
        Assert.DoesNotContain("Oluwaseun", exported.Detail ?? "");
    }

    [Fact]
    public async Task Another_consultant_gets_not_found_for_the_export_and_nothing_is_logged()
    {
        var owner = await app.ConsultantAsync("privacy.owner@consultancy.test");
        var other = await app.ConsultantAsync("privacy.other@consultancy.test");
        var id = await app.Services.SendAsAsync(owner, ClientBuilder.NewClient("Nadia", "Rahman"));
        var session = await BrowserlessSession.SignInAsync(app, other);

        var response = await session.Http.GetAsync($"/Clients/ExportData/{id}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(0, await app.QueryAsync(db => db.SecurityEvents.CountAsync(e => e.Subject == $"Client #{id}")));
    }

    /// <summary>
    /// A client with everything (<see cref="ClientWithEverythingAsync"/>) whom another client's note names, and who
    /// tried the staff sign-in with their own address, which leaves it in the security log. Returns what the erasure
    /// must remove: the client's names and email, the referee's email and surname.
    /// </summary>
    private async Task<(TestUser Consultant, SeededClient Client, string[] Secrets)> ClientMentionedEverywhereAsync(
        string consultantEmail, string firstName, string lastName, string email, string refereeName)
    {
        var consultant = await app.ConsultantAsync(consultantEmail);
        var client = await ClientWithEverythingAsync(consultant, firstName, lastName, email, refereeName);
        var friend = await app.Services.SendAsAsync(consultant, ClientBuilder.NewClient("Kofi", "Mensah"));
        await app.Services.SendAsAsync(consultant, new AddClientNote(friend, $"Referred by {client.FullName} ({client.Email})."));
        var guesser = new BrowserlessSession(app.NewBrowserlessClient());
        await guesser.SubmitAsync("/Identity/Account/Login", "form#account", new() { ["Input.Email"] = client.Email, ["Input.Password"] = "Not-a-password-1!" });
        return (consultant, client, [client.FirstName, client.LastName, client.Email, client.RefereeEmail, refereeName.Split(' ').Last()]);
    }

    private async Task<HttpResponseMessage> EraseAsAdminAsync(SeededClient client)
    {
        var admin = await BrowserlessSession.SignInAsync(app, app.Admin);
        return await admin.SubmitAsync($"/Clients/Details/{client.Id}", "#danger-zone form", new() { ["confirmationName"] = client.FullName });
    }

    [Fact]
    public async Task Erasing_a_client_leaves_neither_name_nor_email_in_any_row_keeps_the_counts_and_cancels_pending_mail()
    {
        var (consultant, client, secrets) = await ClientMentionedEverywhereAsync(
            "privacy.erase@consultancy.test", "Zephyrine", "Quillfeather", "zephyrine.q.private@applicant.test", "Dr. Ottoline Marchetti");
        var pendingBefore = await app.QueryAsync(db => db.OutboxMessages.Where(m => m.ClientId == client.Id && m.Status == OutboxStatus.Pending).Select(m => m.Id).ToListAsync());
        Assert.NotEmpty(pendingBefore);
        Assert.True(await app.QueryAsync(db => db.OutboxMessages.AnyAsync(m => m.ClientId == client.Id && m.Status == OutboxStatus.Sent)));
        var countsBefore = await CountsAsync(consultant);
        Assert.All(secrets, secret => Assert.True(AnyRowMentions(secret), $"the test data should be in the database before the erasure: {secret}"));

        var response = await EraseAsAdminAsync(client);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.All(secrets, secret => Assert.False(AnyRowMentions(secret), $"still in a row of the database: {secret}"));
        Assert.Equal(countsBefore, await CountsAsync(consultant));
        var admin = await BrowserlessSession.SignInAsync(app, app.Admin);
        var page = await admin.GetPageAsync($"/Clients/Details/{client.Id}");
        Assert.Equal($"Erased client #{client.Id}", page.QuerySelector("h1")!.TextContent.Trim());
        var outbox = (await admin.GetPageAsync($"/Outbox?clientId={client.Id}&status=All&pageSize=100")).Body!.TextContent;
        var previews = new List<string>();
        foreach (var id in await app.QueryAsync(db => db.OutboxMessages.Where(m => m.ClientId == client.Id).Select(m => m.Id).ToListAsync()))
            previews.Add((await admin.GetPageAsync($"/Outbox/Details/{id}")).Body!.TextContent);
        Assert.NotEmpty(previews);
        var deadlinesCsv = await admin.Http.GetStringAsync($"/Clients/ExportDeadlines/{client.Id}");
        Assert.Contains($"Deadline for Erased client #{client.Id}", deadlinesCsv);
        foreach (var shown in previews.Append(outbox).Append(deadlinesCsv))
            Assert.All(secrets, secret => Assert.DoesNotContain(secret, shown, StringComparison.OrdinalIgnoreCase));
        Assert.Null(page.QuerySelector("#danger-zone"));
        Assert.Contains("Personal data erased", page.QuerySelector("#timeline-heading")!.ParentElement!.TextContent);
        Assert.Null(page.QuerySelector($"form[action='/Clients/Reminders/{client.Id}']"));
        Assert.Contains("No reminder emails: this client's personal data was erased.", page.QuerySelector("#deadlines")!.TextContent);
        await admin.PostAsync($"/Clients/Reminders/{client.Id}", $"/Clients/Details/{client.Id}", new() { ["optedOut"] = "false", ["note"] = "Asked by phone" });
        Assert.True(await app.QueryAsync(db => db.Clients.Where(c => c.Id == client.Id).Select(c => c.RemindersOptedOut).SingleAsync()));
        var statuses = await app.QueryAsync(db => db.OutboxMessages.Where(m => pendingBefore.Contains(m.Id)).Select(m => m.Status).ToListAsync());
        Assert.All(statuses, s => Assert.Equal(OutboxStatus.Cancelled, s));
        var erased = await app.QueryAsync(db => db.SecurityEvents.Where(e => e.Kind == SecurityEventKind.ClientErased).ToListAsync());
        Assert.Equal(TestUsers.AdminEmail, Assert.Single(erased, e => e.Subject == $"Client #{client.Id}").Actor);

        var mailFiles = Directory.Exists(app.MailDirectory) ? Directory.GetFiles(app.MailDirectory).Length : 0;
        await app.DispatchAsync();
        Assert.Equal(mailFiles, Directory.Exists(app.MailDirectory) ? Directory.GetFiles(app.MailDirectory).Length : 0);
        Assert.False(await app.QueryAsync(db => db.OutboxMessages.AnyAsync(m => pendingBefore.Contains(m.Id) && m.Status != OutboxStatus.Cancelled)));
    }

    // SQLite leaves deleted and overwritten values in the file's free space and its write-ahead log unless told not to.
    [Fact, Trait(Store.Trait, Store.SqliteOnly)]
    public async Task Erasing_a_client_leaves_neither_name_nor_email_in_the_database_file_its_log_or_its_shared_memory()
    {
        var (_, client, secrets) = await ClientMentionedEverywhereAsync(
            "privacy.erase.file@consultancy.test", "Wilhelmina", "Thistlewood", "wilhelmina.t.private@applicant.test", "Dr. Bartholomew Fairweather");
        Assert.All(secrets, secret => Assert.True(DatabaseFilesMention(secret), $"the test data should be in the database files before the erasure: {secret}"));

        var response = await EraseAsAdminAsync(client);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.All(secrets, secret => Assert.False(DatabaseFilesMention(secret), $"still in the database files: {secret}"));
    }

    [Fact]
    public async Task A_consultant_cannot_erase_and_a_wrong_confirmation_erases_nothing()
    {
        var consultant = await app.ConsultantAsync("privacy.refused@consultancy.test");
        var client = await ClientWithEverythingAsync(consultant, "Thandiwe", "Nkosi-Refused", "thandiwe.refused@applicant.test", "Dr. Samuel Okonjo");
        var snapshot = await SnapshotAsync(client.Id);
        var own = await BrowserlessSession.SignInAsync(app, consultant);
        Assert.Null((await own.GetPageAsync($"/Clients/Details/{client.Id}")).QuerySelector("#danger-zone"));

        var refused = await own.PostAsync($"/Clients/Erase/{client.Id}", $"/Clients/Details/{client.Id}", new() { ["confirmationName"] = client.FullName });
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/Error/403", refused.Headers.Location!.PathAndQuery);
        Assert.Equal(snapshot, await SnapshotAsync(client.Id));

        var admin = await BrowserlessSession.SignInAsync(app, app.Admin);
        var wrong = await admin.SubmitAsync($"/Clients/Details/{client.Id}", "#danger-zone form", new() { ["confirmationName"] = "Thandiwe Nkosi" });
        Assert.Equal(HttpStatusCode.Redirect, wrong.StatusCode);
        var page = await admin.GetPageAsync(wrong.Headers.Location!.OriginalString);
        Assert.Contains("does not match", page.QuerySelector("[role=alert]")!.TextContent);
        Assert.NotNull(page.QuerySelector("#danger-zone"));
        var empty = await admin.SubmitAsync($"/Clients/Details/{client.Id}", "#danger-zone form", new() { ["confirmationName"] = "" });
        Assert.Equal(HttpStatusCode.Redirect, empty.StatusCode);
        Assert.Equal(snapshot, await SnapshotAsync(client.Id));
    }

    /// <summary>What the erasure would change, as comparable text.</summary>
    private Task<string> SnapshotAsync(int clientId) => app.QueryAsync(async db =>
    {
        var client = await db.Clients.SingleAsync(c => c.Id == clientId);
        var notes = await db.ClientNotes.CountAsync(n => n.ClientId == clientId);
        var letters = await db.LetterRequests.Where(l => l.ClientId == clientId).Select(l => l.RefereeEmail).ToListAsync();
        var mail = await db.OutboxMessages.Where(m => m.ClientId == clientId).OrderBy(m => m.Id).Select(m => $"{m.Status}:{m.Recipient}").ToListAsync();
        var events = await db.SecurityEvents.CountAsync(e => e.Kind == SecurityEventKind.ClientErased);
        return $"{client.FullName}|{client.Email}|{client.ErasedAt}|{notes}|{string.Join(",", letters)}|{string.Join(",", mail)}|{events}";
    });

    /// <summary>Every figure the dashboard shows for the consultant's caseload.</summary>
    private async Task<string> CountsAsync(TestUser consultant)
    {
        var dashboard = await app.Services.SendAsAsync(consultant, new GetDashboard("UTC"));
        return string.Join("|",
            string.Join(",", dashboard.ClientsByStage.Select(s => $"{s.Stage}={s.Count}")),
            string.Join(",", dashboard.OutcomesBySeason.Select(s => $"{s.Season}={s.Matched}/{s.Unmatched}/{s.Withdrawn}")),
            dashboard.Calls.TotalCount, dashboard.Overdue.TotalCount, dashboard.DueSoon.TotalCount, dashboard.LettersWaiting.TotalCount,
            dashboard.ActiveClients);
    }

    /// <summary>Whether any row of any table, read past the app, holds <paramref name="text"/> in any letter case.</summary>
    private bool AnyRowMentions(string text) => DatabaseRows.Mentions(app.Services.GetRequiredService<IConfiguration>(), text);

    /// <summary>
    /// Whether the database file or its write-ahead log and shared-memory files hold <paramref name="text"/>, in UTF-8
    /// or UTF-16, in any ASCII letter case.
    /// </summary>
    private bool DatabaseFilesMention(string text)
    {
        var lowered = text.ToLowerInvariant();
        byte[][] needles = [Encoding.UTF8.GetBytes(lowered), Encoding.Unicode.GetBytes(lowered), Encoding.BigEndianUnicode.GetBytes(lowered)];
        foreach (var path in new[] { app.DatabasePath, app.DatabasePath + "-wal", app.DatabasePath + "-shm" })
        {
            if (!File.Exists(path)) continue;
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var copy = new MemoryStream();
            file.CopyTo(copy);
            var bytes = copy.ToArray();
            for (var i = 0; i < bytes.Length; i++)
                if (bytes[i] is >= (byte)'A' and <= (byte)'Z') bytes[i] += 'a' - 'A';
            if (needles.Any(needle => bytes.AsSpan().IndexOf(needle) >= 0)) return true;
        }
        return false;
    }
}
