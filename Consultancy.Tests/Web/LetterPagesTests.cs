using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Consultancy.Application.Domain;
using Consultancy.Application.ProgramApplications;
using Consultancy.Application.Programs;
using Consultancy.Infrastructure.Identity;
using Consultancy.Infrastructure.Persistence;
using Consultancy.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Consultancy.Tests.Web;

public sealed class LetterPagesTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task A_consultant_adds_a_letter_and_sees_it_on_the_clients_letters_panel_and_deadlines()
    {
        var maya = await BrowserlessSession.SignInAsync(app, await app.ConsultantAsync("maya.letterpages@consultancy.test"));
        var clientId = await CreateClientAsync(maya, "Panel", "Client");

        var created = await maya.SubmitAsync($"/Letters/Create?clientId={clientId}", "main form", LetterForm("Dr. Sarah Klein", "2027-01-15"));

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal($"/Clients/Details/{clientId}#letters", created.Headers.Location!.OriginalString);
        var page = await maya.GetPageAsync($"/Clients/Details/{clientId}");
        var row = page.QuerySelector("#letters tbody tr")!;
        Assert.Contains("Dr. Sarah Klein", row.TextContent);
        Assert.Equal("Planned", row.QuerySelector(".letter-status")!.TextContent);
        Assert.Contains("L123456", row.TextContent);
        Assert.Contains("Letter of recommendation from Dr. Sarah Klein", page.QuerySelector("#deadlines")!.TextContent);
        Assert.NotNull(page.QuerySelector($"#letters form[action='/Letters/SendRequest/{row.GetAttribute("data-letter-id")}']"));
    }

    [Fact]
    public async Task The_letter_form_sends_the_letter_to_the_ticked_applications_and_the_client_page_says_which()
    {
        var user = await app.ConsultantAsync("maya.assignform@consultancy.test");
        var maya = await BrowserlessSession.SignInAsync(app, user);
        var clientId = await CreateClientAsync(maya, "Assign", "Form");
        var createUrl = $"/Letters/Create?clientId={clientId}";
        var empty = await maya.GetPageAsync(createUrl);
        Assert.Contains("No applications yet", empty.QuerySelector(".letter-applications")!.TextContent);
        Assert.NotNull(empty.QuerySelector($".letter-applications a[href='/Applications/Index/{clientId}']"));

        var programs = new List<int>();
        foreach (var (name, system) in new[] { ("Alpha Form IM", ProgramSystem.ErasNrmp), ("Beta Form IM", ProgramSystem.ErasNrmp),
                     ("Gamma Form IM", ProgramSystem.ErasNrmp), ("Ottawa Form IM", ProgramSystem.CaRMS) })
            programs.Add(await app.Services.SendAsAsync(user, new CreateProgram
            {
                Name = name, Specialty = "Internal Medicine", System = system, Country = system == ProgramSystem.CaRMS ? "Canada" : "United States",
            }));
        await app.Services.SendAsAsync(user, new AddApplications(clientId, "ERAS 2028", programs));
        var ids = await app.Services.QueryAsync(db => db.ProgramApplications.Where(a => a.ClientId == clientId)
            .Select(a => new { a.Program!.Name, a.Id }).ToDictionaryAsync(a => a.Name, a => a.Id));

        var page = await maya.GetPageAsync(createUrl);
        Assert.Equal("ERAS 2028", page.QuerySelector(".letter-applications fieldset legend")!.TextContent.Trim());
        Tick(page, ids["Alpha Form IM"], ids["Ottawa Form IM"]);
        var refused = await maya.SubmitAsync(page, createUrl, "main form", LetterForm("Dr. Ticked", "2027-01-15"));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var shown = await BrowserlessSession.ParseAsync(refused);
        Assert.Contains("Ottawa Form IM recruits through another system", shown.QuerySelector("[data-valmsg-for=ApplicationIds]")!.TextContent);
        Assert.True(shown.QuerySelector<IHtmlInputElement>($"#application-{ids["Ottawa Form IM"]}")!.IsChecked);
        Assert.Equal(0, await CountLettersAsync(clientId));

        Tick(shown, ids["Beta Form IM"]);
        shown.QuerySelector<IHtmlInputElement>($"#application-{ids["Ottawa Form IM"]}")!.IsChecked = false;
        var created = await maya.SubmitAsync(shown, createUrl, "main form", []);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var clientPage = await maya.GetPageAsync($"/Clients/Details/{clientId}");
        Assert.Equal("For: Alpha Form IM, Beta Form IM", clientPage.QuerySelector("#letters .letter-programs")!.TextContent.Trim());

        var letterId = await app.Services.QueryAsync(db => db.LetterRequests.Where(l => l.ClientId == clientId).Select(l => l.Id).SingleAsync());
        var editUrl = $"/Letters/Edit/{letterId}";
        var edit = await maya.GetPageAsync(editUrl);
        Assert.Equal([ids["Alpha Form IM"], ids["Beta Form IM"]],
            edit.QuerySelectorAll<IHtmlInputElement>("input[name=ApplicationIds]").Where(b => b.IsChecked).Select(b => int.Parse(b.Value)).Order());
        edit.QuerySelector<IHtmlInputElement>($"#application-{ids["Alpha Form IM"]}")!.IsChecked = false;
        Tick(edit, ids["Gamma Form IM"]);
        var saved = await maya.SubmitAsync(edit, editUrl, "main form", []);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        clientPage = await maya.GetPageAsync($"/Clients/Details/{clientId}");
        Assert.Equal("For: Beta Form IM, Gamma Form IM", clientPage.QuerySelector("#letters .letter-programs")!.TextContent.Trim());
        Assert.Contains("Assigned to", clientPage.QuerySelector("section[aria-labelledby=timeline-heading]")!.TextContent);

        static void Tick(IDocument page, params int[] applicationIds)
        {
            foreach (var id in applicationIds) page.QuerySelector<IHtmlInputElement>($"#application-{id}")!.IsChecked = true;
        }
    }

    [Fact]
    public async Task The_client_page_shows_the_letter_rules_that_are_not_met_and_says_so_once_they_are()
    {
        var maya = await BrowserlessSession.SignInAsync(app, await app.ConsultantAsync("maya.rules@consultancy.test"));
        var clientId = await CreateClientAsync(maya, "Rules", "Client");
        await maya.SubmitAsync($"/Letters/Create?clientId={clientId}", "main form", new(LetterForm("Dr. Home Country", "2027-01-15")) { ["IsUsCanadianPhysician"] = "false" });

        var page = await maya.GetPageAsync($"/Clients/Details/{clientId}");
        var rules = page.QuerySelectorAll("#letters .letter-rules li").Select(li => li.GetAttribute("data-rule")).ToList();
        Assert.Equal(["TooFewForEras", "NoUsCanadianPhysician"], rules);
        Assert.Contains("Only 1 letter planned for ERAS", page.QuerySelector("#letters .letter-rules")!.TextContent);

        foreach (var referee in new[] { "Dr. One", "Dr. Two" })
            await maya.SubmitAsync($"/Letters/Create?clientId={clientId}", "main form", LetterForm(referee, "2027-01-15"));
        page = await maya.GetPageAsync($"/Clients/Details/{clientId}");
        Assert.Empty(page.QuerySelectorAll("#letters .letter-rules li"));
        Assert.Contains("Letter rules met", page.QuerySelector("#letters .letter-rules")!.TextContent);
    }

    [Fact]
    public async Task Recording_an_upload_without_a_date_goes_back_to_the_client_page_with_the_message_and_changes_nothing()
    {
        var maya = await BrowserlessSession.SignInAsync(app, await app.ConsultantAsync("maya.record@consultancy.test"));
        var clientId = await CreateClientAsync(maya, "Record", "Answer");
        await maya.SubmitAsync($"/Letters/Create?clientId={clientId}", "main form", LetterForm("Dr. Forgetful", "2027-01-15"));
        var page = await maya.GetPageAsync($"/Clients/Details/{clientId}");

        var refused = await maya.SubmitAsync(page, $"/Clients/Details/{clientId}", "#letters form[action^='/Letters/Status/']",
            new() { ["status"] = "Uploaded", ["uploadedOn"] = "" });
        var back = await maya.Http.GetAsync(refused.Headers.Location);

        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        Assert.Equal($"/Clients/Details/{clientId}#letters", back.Headers.Location!.OriginalString);
        var shown = await maya.GetPageAsync(back.Headers.Location.OriginalString);
        Assert.Contains("Enter the date the letter was uploaded.", shown.QuerySelector("[role=status], .alert-danger")!.TextContent);
        Assert.Equal("Planned", shown.QuerySelector("#letters .letter-status")!.TextContent);
    }

    [Fact]
    public async Task An_admin_edits_the_request_email_and_an_unknown_placeholder_is_refused_on_the_form()
    {
        var admin = await BrowserlessSession.SignInAsync(app, app.Admin);
        var page = await admin.GetPageAsync("/LetterTemplate/Edit");
        Assert.Contains("{ApplicantName}", page.QuerySelector("textarea#Body")!.TextContent);

        var refused = await admin.SubmitAsync(page, "/LetterTemplate/Edit", "main form[action='/LetterTemplate/Edit']",
            new() { ["Subject"] = "Letter for {Applicant}" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Unknown placeholder {Applicant}", (await BrowserlessSession.ParseAsync(refused)).QuerySelector("[data-valmsg-for=Subject]")!.TextContent);

        var saved = await admin.SubmitAsync("/LetterTemplate/Edit", "main form[action='/LetterTemplate/Edit']",
            new() { ["Subject"] = "A letter for {ApplicantName}", ["Body"] = "Dear {RefereeName}, could you write for {ApplicantName}?" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("A letter for {ApplicantName}", (await admin.GetPageAsync("/LetterTemplate/Edit")).QuerySelector<IHtmlInputElement>("input#Subject")!.Value);
        await admin.SubmitAsync("/LetterTemplate/Edit", "main form[action='/LetterTemplate/Reset']", []);
        Assert.Equal(Consultancy.Application.Domain.LetterRequestTemplate.DefaultSubject,
            (await admin.GetPageAsync("/LetterTemplate/Edit")).QuerySelector<IHtmlInputElement>("input#Subject")!.Value);
    }

    [Fact]
    public async Task The_letters_waiting_page_runs_at_most_three_SQL_queries_whatever_the_filters()
    {
        var maya = await BrowserlessSession.SignInAsync(app, await app.ConsultantAsync("maya.budget@consultancy.test"));
        var clientId = await CreateClientAsync(maya, "Budget", "Client");
        for (var i = 0; i < 3; i++)
        {
            await maya.SubmitAsync($"/Letters/Create?clientId={clientId}", "main form", LetterForm($"Dr. Budget {i}", "2027-01-15"));
        }
        foreach (var id in await app.Services.QueryAsync(db => db.LetterRequests.Where(l => l.ClientId == clientId).Select(l => l.Id).ToListAsync()))
            await maya.PostAsync($"/Letters/SendRequest/{id}", $"/Clients/Details/{clientId}", []);

        foreach (var url in new[] { "/Letters", "/Letters?system=ERAS&search=budget", "/Letters?page=2&pageSize=10" })
        {
            await maya.GetPageAsync(url);
            app.SqlCommands.Clear();
            var response = await maya.Http.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(app.SqlCommands.Count is >= 2 and <= 3, $"{url} ran {app.SqlCommands.Count} queries:\n{string.Join("\n\n", app.SqlCommands.Commands)}");
        }
        var page = await maya.GetPageAsync("/Letters?search=budget");
        Assert.Equal(3, page.QuerySelectorAll("tbody tr").Length);
    }

    [Fact]
    public async Task Invalid_input_re_shows_the_form_with_field_messages_and_writes_nothing()
    {
        var maya = await BrowserlessSession.SignInAsync(app, await app.ConsultantAsync("maya.invalidletter@consultancy.test"));
        var clientId = await CreateClientAsync(maya, "Invalid", "Letter");

        var response = await maya.SubmitAsync($"/Letters/Create?clientId={clientId}", "main form",
            new(LetterForm("", "")) { ["RefereeEmail"] = "nope" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await BrowserlessSession.ParseAsync(response);
        Assert.Contains("Enter the referee's name", page.QuerySelector("[data-valmsg-for=RefereeName]")!.TextContent);
        Assert.Contains("Enter a valid email address", page.QuerySelector("[data-valmsg-for=RefereeEmail]")!.TextContent);
        Assert.Contains("Enter the date the letter should be uploaded by.", page.QuerySelector("[data-valmsg-for=DueDate]")!.TextContent);
        Assert.Equal(0, await CountLettersAsync(clientId));
    }

    [Fact]
    public async Task Another_consultants_letter_is_not_found_on_every_letters_route_and_nothing_changes()
    {
        var maya = await BrowserlessSession.SignInAsync(app, await app.ConsultantAsync("maya.isolation@consultancy.test"));
        var bob = await BrowserlessSession.SignInAsync(app, await app.ConsultantAsync("bob.isolation@consultancy.test"));
        var clientId = await CreateClientAsync(maya, "Isolated", "Letters");
        await maya.SubmitAsync($"/Letters/Create?clientId={clientId}", "main form", LetterForm("Dr. Private", "2027-01-15"));
        var letterId = await app.Services.QueryAsync(db => db.LetterRequests.Where(l => l.ClientId == clientId).Select(l => l.Id).SingleAsync());
        var before = await SnapshotAsync(letterId);

        foreach (var url in new[] { $"/Letters/Create?clientId={clientId}", $"/Letters/Edit/{letterId}", $"/Letters/BackToClient/{letterId}" })
            Assert.Equal(HttpStatusCode.NotFound, (await bob.Http.GetAsync(url)).StatusCode);
        // The request wording is the admins' to change.
        var template = await bob.Http.GetAsync("/LetterTemplate/Edit");
        Assert.StartsWith("/Error/403", template.Headers.Location!.PathAndQuery);
        var waiting = await bob.GetPageAsync("/Letters");
        Assert.DoesNotContain("Dr. Private", waiting.Body!.TextContent);

        var posts = new Dictionary<string, Dictionary<string, string>>
        {
            ["/Letters/Create"] = new(LetterForm("Dr. Intruder", "2027-01-15")) { ["ClientId"] = clientId.ToString() },
            [$"/Letters/Edit/{letterId}"] = new(LetterForm("Dr. Taken Over", "2027-01-15")) { ["ClientId"] = clientId.ToString(), ["Version"] = Guid.Empty.ToString() },
            [$"/Letters/SendRequest/{letterId}"] = [],
            [$"/Letters/Status/{letterId}"] = new() { ["status"] = "Cancelled" },
            [$"/Letters/Delete/{letterId}"] = [],
        };
        foreach (var (url, fields) in posts)
        {
            var response = await bob.PostAsync(url, "/Letters", fields);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"POST {url} answered {(int)response.StatusCode}");
        }

        Assert.Equal(before, await SnapshotAsync(letterId));
        Assert.Equal(1, await CountLettersAsync(clientId));
    }

    [Fact]
    public async Task A_referee_opens_their_link_without_signing_in_sees_only_their_letter_and_confirms()
    {
        var maya = await BrowserlessSession.SignInAsync(app, await app.ConsultantAsync("maya.refereepage@consultancy.test"));
        var clientId = await CreateClientAsync(maya, "Referee", "Page");
        await maya.SubmitAsync($"/Letters/Create?clientId={clientId}", "main form", LetterForm("Dr. Mine", "2027-01-15"));
        await maya.SubmitAsync($"/Letters/Create?clientId={clientId}", "main form", new(LetterForm("Dr. Someone Else", "2027-01-20")) { ["RefereeEmail"] = "else@hospital.test", ["ErasLetterId"] = "OTHER99" });
        var letterId = await app.Services.QueryAsync(db => db.LetterRequests.Where(l => l.RefereeName == "Dr. Mine" && l.ClientId == clientId).Select(l => l.Id).SingleAsync());
        await maya.PostAsync($"/Letters/SendRequest/{letterId}", $"/Clients/Details/{clientId}", []);
        var referee = new BrowserlessSession(app.NewBrowserlessClient());
        var url = RefereePath(letterId, "s.klein@hospital.test");

        var page = await referee.GetPageAsync(url);

        Assert.Contains("Letter of recommendation for Referee Page", page.QuerySelector("h1")!.TextContent);
        Assert.Contains("L123456", page.Body!.TextContent);
        Assert.DoesNotContain("Someone Else", page.Body.TextContent);
        Assert.DoesNotContain("OTHER99", page.Body.TextContent);
        Assert.Null(page.QuerySelector("nav a[href='/Clients']"));
        var confirmed = await referee.SubmitAsync(page, url, "form:has(input[value=Confirmed])", []);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        var after = await referee.GetPageAsync(confirmed.Headers.Location!.OriginalString);
        Assert.Equal("Confirmed", after.QuerySelector("#referee-status .letter-status")!.TextContent);
        Assert.Contains("Thank you for confirming", after.Body!.TextContent);
        var clientPage = await maya.GetPageAsync($"/Clients/Details/{clientId}");
        Assert.Equal("Confirmed", clientPage.QuerySelector($"#letters tr[data-letter-id='{letterId}'] .letter-status")!.TextContent);
        Assert.Contains("by the referee", clientPage.QuerySelector($"#letters tr[data-letter-id='{letterId}']")!.TextContent);
    }

    [Fact]
    public async Task A_referees_upload_with_an_unreadable_date_goes_back_to_their_page_with_a_message_and_changes_nothing()
    {
        var maya = await BrowserlessSession.SignInAsync(app, await app.ConsultantAsync("maya.baddate@consultancy.test"));
        var clientId = await CreateClientAsync(maya, "Bad", "Date");
        await maya.SubmitAsync($"/Letters/Create?clientId={clientId}", "main form", LetterForm("Dr. Dates", "2027-01-15"));
        var letterId = await app.Services.QueryAsync(db => db.LetterRequests.Where(l => l.ClientId == clientId).Select(l => l.Id).SingleAsync());
        await maya.PostAsync($"/Letters/SendRequest/{letterId}", $"/Clients/Details/{clientId}", []);
        var referee = new BrowserlessSession(app.NewBrowserlessClient());
        var url = RefereePath(letterId, "s.klein@hospital.test");

        var answered = await referee.SubmitAsync(url, "form:has(input[value=Uploaded])", new() { ["uploadedOn"] = "2027-02-30" });

        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        var page = await referee.GetPageAsync(answered.Headers.Location!.OriginalString);
        Assert.Contains("the date you uploaded it", page.QuerySelector(".alert-danger")!.TextContent);
        Assert.Equal("Requested", page.QuerySelector("#referee-status .letter-status")!.TextContent);
    }

    [Fact]
    public async Task A_referees_reason_with_control_characters_goes_back_to_their_page_with_a_message_and_one_on_two_lines_is_kept()
    {
        var maya = await BrowserlessSession.SignInAsync(app, await app.ConsultantAsync("maya.declinereason@consultancy.test"));
        var clientId = await CreateClientAsync(maya, "Decline", "Reason");
        await maya.SubmitAsync($"/Letters/Create?clientId={clientId}", "main form", LetterForm("Dr. Terminal", "2027-01-15"));
        var letterId = await app.Services.QueryAsync(db => db.LetterRequests.Where(l => l.ClientId == clientId).Select(l => l.Id).SingleAsync());
        await maya.PostAsync($"/Letters/SendRequest/{letterId}", $"/Clients/Details/{clientId}", []);
        var before = await SnapshotAsync(letterId);
        var referee = new BrowserlessSession(app.NewBrowserlessClient());
        var url = RefereePath(letterId, "s.klein@hospital.test");

        var refused = await referee.SubmitAsync(url, "form:has(input[value=Declined])", new() { ["reason"] = "On leave.\u001b[2J\u0007" });

        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        var page = await referee.GetPageAsync(refused.Headers.Location!.OriginalString);
        Assert.Contains("“Reason” cannot contain control characters; line breaks and tabs are fine.", page.QuerySelector(".alert-danger")!.TextContent);
        Assert.Equal("Requested", page.QuerySelector("#referee-status .letter-status")!.TextContent);
        Assert.Equal(before, await SnapshotAsync(letterId));

        var declined = await referee.SubmitAsync(page, url, "form:has(input[value=Declined])", new() { ["reason"] = "On leave until March.\r\nSorry." });

        Assert.Equal(HttpStatusCode.Redirect, declined.StatusCode);
        Assert.Equal("On leave until March.\r\nSorry.",
            await app.Services.QueryAsync(db => db.LetterRequests.Where(l => l.Id == letterId).Select(l => l.DeclineReason).SingleAsync()));
    }

    [Fact]
    public async Task A_broken_or_reassigned_referee_link_gets_a_clear_page_not_an_error_and_no_letter_data()
    {
        var maya = await BrowserlessSession.SignInAsync(app, await app.ConsultantAsync("maya.brokenlink@consultancy.test"));
        var clientId = await CreateClientAsync(maya, "Broken", "Link");
        await maya.SubmitAsync($"/Letters/Create?clientId={clientId}", "main form", LetterForm("Dr. Secret", "2027-01-15"));
        var letterId = await app.Services.QueryAsync(db => db.LetterRequests.Where(l => l.ClientId == clientId).Select(l => l.Id).SingleAsync());
        var anonymous = app.NewBrowserlessClient();
        var valid = RefereePath(letterId, "s.klein@hospital.test");

        foreach (var url in new[] { valid[..^4] + "AAAA", RefereePath(letterId, "someone.else@hospital.test"), RefereePath(letterId + 1000, "s.klein@hospital.test"), "/letters/r/%20" })
        {
            var response = await anonymous.GetAsync(url);
            var html = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{url} answered {(int)response.StatusCode}");
            Assert.Contains("This link does not work", html);
            Assert.DoesNotContain("Dr. Secret", html);
            Assert.DoesNotContain("Broken Link", html);
        }

        await maya.PostAsync($"/Letters/Status/{letterId}", $"/Clients/Details/{clientId}", new() { ["status"] = "Cancelled" });
        await app.Services.QueryAsync(db => db.LetterRequests.Where(l => l.Id == letterId)
            .ExecuteUpdateAsync(u => u.SetProperty(l => l.StatusChangedAt, DateTime.UtcNow.AddDays(-15))));
        var expired = await anonymous.GetAsync(valid);
        var expiredHtml = await expired.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
        Assert.Contains("This link has expired", expiredHtml);
        Assert.DoesNotContain("Dr. Secret", expiredHtml);
    }

    [Fact]
    public async Task The_stop_link_confirms_on_GET_and_the_one_click_POST_stops_follow_ups_without_cookies_or_antiforgery()
    {
        var maya = await BrowserlessSession.SignInAsync(app, await app.ConsultantAsync("maya.oneclick@consultancy.test"));
        var clientId = await CreateClientAsync(maya, "One", "Click");
        await maya.SubmitAsync($"/Letters/Create?clientId={clientId}", "main form", LetterForm("Dr. Busy", "2027-03-15"));
        var letterId = await app.Services.QueryAsync(db => db.LetterRequests.Where(l => l.ClientId == clientId).Select(l => l.Id).SingleAsync());
        await maya.PostAsync($"/Letters/SendRequest/{letterId}", $"/Clients/Details/{clientId}", []);
        string stopPath;
        using (var scope = app.Services.CreateScope())
            stopPath = new Uri(scope.ServiceProvider.GetRequiredService<Consultancy.Application.Common.Interfaces.ILetterLinks>().StopFollowUps(letterId)).AbsolutePath;
        var mailClient = app.NewBrowserlessClient();

        var confirm = await mailClient.GetAsync(stopPath);
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        Assert.Contains("Stop reminders about this letter?", await confirm.Content.ReadAsStringAsync());
        Assert.False(await app.Services.QueryAsync(db => db.LetterRequests.Where(l => l.Id == letterId).Select(l => l.FollowUpsStopped).SingleAsync()));

        var oneClick = await mailClient.PostAsync(stopPath, new FormUrlEncodedContent(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" }));

        Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);
        Assert.Contains("Reminders stopped", await oneClick.Content.ReadAsStringAsync());
        Assert.True(await app.Services.QueryAsync(db => db.LetterRequests.Where(l => l.Id == letterId).Select(l => l.FollowUpsStopped).SingleAsync()));
        Assert.Equal(0, await app.Services.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.LetterRequestId == letterId && m.Kind == Consultancy.Application.Domain.OutboxKind.LetterFollowUp && m.Status == Consultancy.Application.Domain.OutboxStatus.Pending)));
        Assert.Equal(HttpStatusCode.NotFound, (await mailClient.PostAsync(stopPath[..^4] + "AAAA", null)).StatusCode);
    }

    private string RefereePath(int letterId, string refereeEmail)
    {
        using var scope = app.Services.CreateScope();
        var link = scope.ServiceProvider.GetRequiredService<Consultancy.Application.Common.Interfaces.ILetterLinks>().RefereePage(letterId, refereeEmail);
        return new Uri(link).AbsolutePath;
    }

    internal static Dictionary<string, string> LetterForm(string refereeName, string dueDate) => new()
    {
        ["RefereeName"] = refereeName,
        ["RefereeEmail"] = "s.klein@hospital.test",
        ["RefereeTitle"] = "Associate Professor of Medicine",
        ["Institution"] = "Cleveland Clinic",
        ["Location"] = "Cleveland, USA",
        ["IsUsCanadianPhysician"] = "true",
        ["Specialty"] = "Internal Medicine",
        ["System"] = "0",
        ["DueDate"] = dueDate,
        ["ErasLetterId"] = "L123456",
    };

    internal static async Task<int> CreateClientAsync(BrowserlessSession session, string firstName, string lastName)
    {
        var created = await session.SubmitAsync("/Clients/Create", "main form", WebForms.NewClient(firstName, lastName));
        return int.Parse(created.Headers.Location!.OriginalString.Split('/').Last());
    }

    private Task<int> CountLettersAsync(int clientId) => app.Services.QueryAsync(db => db.LetterRequests.CountAsync(l => l.ClientId == clientId));

    private Task<string> SnapshotAsync(int letterId) => app.Services.QueryAsync(async db =>
    {
        var letter = await db.LetterRequests.AsNoTracking().SingleAsync(l => l.Id == letterId);
        var emails = await db.OutboxMessages.CountAsync(m => m.LetterRequestId == letterId);
        return $"{letter.RefereeName}|{letter.Status}|{letter.Version}|{emails}";
    });
}

internal static class SystemQueries
{
    /// <summary>Reads the app's database as the system, past the caseload rule.</summary>
    public static async Task<T> QueryAsync<T>(this IServiceProvider services, Func<AppDbContext, Task<T>> query)
    {
        await using var scope = services.CreateSystemScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }
}
