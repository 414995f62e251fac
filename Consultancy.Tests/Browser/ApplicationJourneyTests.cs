using System.Text.RegularExpressions;
using Consultancy.Application.Domain;
using Consultancy.Tests.Support;
using Microsoft.Playwright;

namespace Consultancy.Tests.Browser;

public sealed class ApplicationJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    /// <summary>ERAS 2027: on the fixture's clock (10 Jan 2027) interviews are under way and the rank list is due on 3 March.</summary>
    private const string Season = "ERAS 2027";

    [SkippableFact]
    public async Task A_consultant_finds_programs_for_a_client_follows_the_interviews_and_certifies_the_rank_order_list()
    {
        Skip.IfNot(BrowserFixture.ChromiumInstalled, BrowserFixture.SkipReason);
        var consultant = await browser.App.ConsultantAsync("applications.journey@consultancy.test");
        // Internal medicine through ERAS, graduated 2022, needs a J-1, lives in Lagos (ClientBuilder's applicant).
        var clientId = await browser.App.AddClientAsync(consultant.Id, ClientStage.Applied, "Chidi", "Okonkwo", season: Season);
        // Twenty-six programs of the client's specialty and system (every fifth accepts only 3 years since graduation, which
        // the client does not meet), and two the search leaves out: another specialty, and a Canadian one.
        await browser.App.AddProgramsAsync(
        [
            .. Enumerable.Range(1, 26).Select(n => ProgramBuilder.Program($"Journey Program {n:00} — Internal Medicine", imgShare: 20 + n * 2,
                maximumYears: n % 5 == 0 ? 3 : 10)),
            ProgramBuilder.Program("Journey Children's — Pediatrics", specialty: "Pediatrics"),
            ProgramBuilder.Program("Journey North — Internal Medicine", system: ProgramSystem.CaRMS),
        ]);
        await AddSuggestedCriteriaAsAdminAsync();
        var page = await browser.SignedInPageAsync(consultant);
        page.Dialog += (_, dialog) => dialog.AcceptAsync();

        // The season's plan gives the client the rank-list deadline that certifying completes.
        await page.GotoAsync($"/Clients/Details/{clientId}");
        var deadlines = page.Locator("#deadlines");
        await deadlines.GetByLabel("Plan a season from its playbook").SelectOptionAsync(new SelectOptionValue { Label = Season });
        await deadlines.GetByRole(AriaRole.Button, new() { Name = "Apply season plan" }).ClickAsync();
        var rankListDeadline = deadlines.Locator("tbody tr", new() { HasText = "Certify the rank order list" });
        await Assertions.Expect(rankListDeadline).ToContainTextAsync("28 Feb 2027");

        // Find programs: the client's specialty and system only, best fit first; twenty ticked and added.
        await page.GetByRole(AriaRole.Link, new() { Name = "Applications", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Find programs for Chidi Okonkwo" }).ClickAsync();
        var candidates = page.Locator("main table tbody tr");
        await Assertions.Expect(candidates).ToHaveCountAsync(26);
        await Assertions.Expect(candidates.First).ToContainTextAsync("Journey Program 26");
        await Assertions.Expect(candidates.Last).ToContainTextAsync("Journey Program 05");
        await Assertions.Expect(candidates.Last.Locator(".badge.text-bg-danger")).ToHaveAttributeAsync("title", "graduated 2022: 4 years, program accepts ≤ 3");
        var ticks = page.Locator("input[name=programIds]");
        for (var i = 0; i < 20; i++) await ticks.Nth(i).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = $"Add ticked programs to {Season}" }).ClickAsync();

        await Assertions.Expect(Flash(page)).ToContainTextAsync($"20 programs added to {Season}.");
        var rows = page.Locator("table.applications tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(20);
        await Assertions.Expect(StatusFilter(page, "Researching")).ToHaveTextAsync(new Regex(@"Researching\s+20"));

        // Eight marked applied at once.
        var names = (await rows.Locator("td:nth-child(2) a").AllTextContentsAsync()).Select(n => n.Trim()).ToList();
        for (var i = 0; i < 8; i++) await page.GetByRole(AriaRole.Checkbox, new() { Name = $"Tick {names[i]}", Exact = true }).CheckAsync();
        await page.GetByLabel("Action", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Mark applied" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply to ticked" }).ClickAsync();
        await Assertions.Expect(Flash(page)).ToContainTextAsync("8 applications marked as applied.");
        await Assertions.Expect(StatusFilter(page, "Applied")).ToHaveTextAsync(new Regex(@"Applied\s+8"));
        await Assertions.Expect(StatusFilter(page, "Researching")).ToHaveTextAsync(new Regex(@"Researching\s+12"));
        await Assertions.Expect(page.Locator(".alert-warning[role=status]")).ToContainTextAsync("8 applications have fewer than 3 letters assigned");

        // Four invite the client: each opens a deadline to answer it.
        var invited = names.Take(4).ToList();
        foreach (var name in invited)
        {
            await page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Invite received" }).ClickAsync();
            await Assertions.Expect(Flash(page)).ToContainTextAsync("Status set to Interview invited; a deadline to answer the invite is on the client's deadlines.");
            await Assertions.Expect(Row(page, name)).ToContainTextAsync("Interview invited");
        }
        await Assertions.Expect(StatusFilter(page, "Interview invited")).ToHaveTextAsync(new Regex(@"Interview invited\s+4"));

        // The first interview, at half past nine in the program's Chicago time.
        await page.GetByRole(AriaRole.Link, new() { Name = invited[0], Exact = true }).ClickAsync();
        await page.GetByLabel("Date", new() { Exact = true }).FillAsync("2027-01-25");
        await page.GetByLabel("Start (America/Chicago)").FillAsync("09:30");
        await page.GetByLabel("Format").SelectOptionAsync(new SelectOptionValue { Label = "Virtual" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Schedule" }).ClickAsync();
        await Assertions.Expect(Flash(page)).ToContainTextAsync("Interview scheduled; the applicant's reminders are planned");
        var interview = page.Locator("section[aria-labelledby=interview-heading]");
        await Assertions.Expect(interview).ToContainTextAsync("at 09:30 America/Chicago (the program's time)");
        // 15:30 UTC: 10:30 for the consultant in New York.
        await Assertions.Expect(interview).ToContainTextAsync("your time: 25 Jan 2027, 10:30");

        // On the client's deadlines: the interview at 16:30 Lagos time, reminded 7 days and 1 day before; the invite answered.
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Breadcrumb" }).GetByRole(AriaRole.Link, new() { Name = "Chidi Okonkwo" }).ClickAsync();
        var interviewDeadline = deadlines.Locator("tbody tr", new() { HasText = $"Interview: {invited[0]} (virtual)" });
        await Assertions.Expect(interviewDeadline).ToContainTextAsync("25 Jan 2027 16:30");
        await Assertions.Expect(interviewDeadline.Locator(".reminder-list li")).ToHaveTextAsync(
            [new Regex(@"^\s*7 d before\s+planned 18 Jan 2027, 09:00 Africa/Lagos\s+\d\d:\d\d your time\s*$"), new Regex(@"^\s*1 d before\s+planned 24 Jan 2027, 09:00 Africa/Lagos\s+\d\d:\d\d your time\s*$")]);
        var closed = deadlines.Locator("#closed-deadlines");
        await closed.Locator("summary").ClickAsync();
        await Assertions.Expect(closed.Locator("tbody tr", new() { HasText = $"Answer the interview invite from {invited[0]}" })).ToContainTextAsync("Done");
        await Assertions.Expect(deadlines.Locator("tbody tr", new() { HasText = $"Answer the interview invite from {invited[1]}" }).Locator(".reminder-list li"))
            .ToHaveCountAsync(2);
        await deadlines.GetByRole(AriaRole.Link, new() { Name = "Emails to this client" }).ClickAsync();
        await Assertions.Expect(page.Locator("main tbody tr", new() { HasText = $"Interview: {invited[0]}" })).ToHaveCountAsync(2);

        // Three interviewed, two of them scored on the criteria: the weighted score is on the application's page.
        await page.GotoAsync($"/Applications/Index/{clientId}");
        foreach (var name in invited.Take(3))
        {
            await page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Mark interviewed" }).ClickAsync();
            await Assertions.Expect(Row(page, name)).ToContainTextAsync("Interviewed");
        }
        // Weights 3, 2, 2, 1, 3, 2: (15 + 8 + 6 + 2 + 15 + 8) / 13 = 4.15.
        await ScoreAsync(page, invited[0], [5, 4, 3, 2, 5, 4], "weighted 4.15 / 5");
        await ScoreAsync(page, invited[1], [3, 3, 3, 3, 3, 3], "weighted 3.00 / 5");
        await Assertions.Expect(Row(page, invited[0])).ToContainTextAsync("Score 4.2");

        // The rank order list: the interviewed programs added in turn.
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Season pages" }).GetByRole(AriaRole.Link, new() { Name = "Rank order list" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Interviews not ranked (4)" })).ToBeVisibleAsync();
        foreach (var name in invited.Take(3))
        {
            await page.GetByRole(AriaRole.Button, new() { Name = $"Rank {name}", Exact = true }).ClickAsync();
            await Assertions.Expect(Flash(page)).ToContainTextAsync("Rank order list saved.");
        }
        var (first, second, third) = (invited[0], invited[1], invited[2]);
        await ExpectOrderAsync(page, first, second, third);

        // By keyboard: the arrow buttons, then a position typed in.
        await page.GetByRole(AriaRole.Button, new() { Name = $"Move {third} up" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await ExpectOrderAsync(page, first, third, second);
        await page.GetByRole(AriaRole.Button, new() { Name = $"Move {first} down" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await ExpectOrderAsync(page, third, first, second);
        await page.GetByLabel($"Position of {second}").FillAsync("1");
        await page.GetByLabel($"Position of {second}").PressAsync("Enter");
        await ExpectOrderAsync(page, second, third, first);
        await Assertions.Expect(page.Locator("#revisions-heading + ul li").First).ToContainTextAsync($"{second} moved from 3 to 1");

        // By dragging: the last row dropped on the top half of the first; rank-list.js posts the positions.
        var ranked = page.Locator("ol.rank-list > li");
        await ranked.Nth(2).DragToAsync(ranked.Nth(0), new() { TargetPosition = new() { X = 40, Y = 4 } });
        await Assertions.Expect(Flash(page)).ToContainTextAsync("Rank order list saved.");
        await ExpectOrderAsync(page, first, second, third);
        await page.ReloadAsync();
        await ExpectOrderAsync(page, first, second, third);
        await Assertions.Expect(page.Locator("#revisions-heading + ul li").First).ToContainTextAsync($"#7");
        await Assertions.Expect(page.Locator("#revisions-heading + ul li").First).ToContainTextAsync($"{first} moved from 3 to 1");

        // Compared with revision 6 (typed in): every program moved.
        await page.Locator("#revisions-heading + ul li", new() { HasText = "#6" }).GetByRole(AriaRole.Link, new() { Name = "compare with now" }).ClickAsync();
        var comparison = page.Locator(".card", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Revision 6 compared with now" }) });
        await Assertions.Expect(comparison.Locator("tbody tr")).ToHaveTextAsync(
            [new Regex($@"^\s*{Regex.Escape(first)}\s+3\s+1\s*$"), new Regex($@"^\s*{Regex.Escape(second)}\s+1\s+2\s*$"), new Regex($@"^\s*{Regex.Escape(third)}\s+2\s+3\s*$")]);

        // Certified: the revision is recorded, the ranked programs are Ranked, and the season's rank-list deadline is done.
        await page.GetByRole(AriaRole.Button, new() { Name = "Record certification" }).ClickAsync();
        await Assertions.Expect(Flash(page)).ToContainTextAsync("Certification recorded; the rank-list deadline is done and its reminders stop.");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Certified");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("revision 7, 10 Jan 2027, 07:00 by applications.journey");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Record certification" })).ToBeDisabledAsync();
        await Assertions.Expect(page.Locator("ol.rank-list")).ToContainTextAsync("Ranked");
        await page.GotoAsync($"/Clients/Details/{clientId}");
        await closed.Locator("summary").ClickAsync();
        var certified = closed.Locator("tbody tr", new() { HasText = "Certify the rank order list" });
        await Assertions.Expect(certified).ToBeVisibleAsync();
        await Assertions.Expect(certified).ToContainTextAsync("Done");
        await Assertions.Expect(certified.Locator(".reminder-list li").First).ToContainTextAsync("cancelled");
        await Assertions.Expect(rankListDeadline).ToHaveCountAsync(1); // no longer among the open ones
    }

    private async Task AddSuggestedCriteriaAsAdminAsync()
    {
        var admin = await browser.SignedInPageAsync(browser.App.Admin);
        await admin.GotoAsync("/InterviewCriteria");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Add the suggested criteria" }).ClickAsync();
        await Assertions.Expect(Flash(admin)).ToContainTextAsync("6 suggested criteria added");
        await admin.Context.CloseAsync();
    }

    /// <summary>From the client's applications page: scores the interview on each criterion in order, checks the weighted score and goes back.</summary>
    private static async Task ScoreAsync(IPage page, string program, int[] scores, string weighted)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = program, Exact = true }).ClickAsync();
        var selects = page.Locator("select[id^=score-]");
        await Assertions.Expect(selects).ToHaveCountAsync(scores.Length);
        for (var i = 0; i < scores.Length; i++) await selects.Nth(i).SelectOptionAsync(scores[i].ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Save scores" }).ClickAsync();
        await Assertions.Expect(Flash(page)).ToContainTextAsync("Interview scores saved.");
        await Assertions.Expect(page.Locator("#scores-heading .badge")).ToHaveTextAsync(weighted);
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Breadcrumb" }).GetByRole(AriaRole.Link, new() { Name = $"Applications {Season}" }).ClickAsync();
    }

    /// <summary>The message a page shows after a change (other status regions on the page are warnings).</summary>
    private static ILocator Flash(IPage page) => page.Locator(".alert-success[role=status]");

    private static ILocator StatusFilter(IPage page, string status) =>
        page.GetByRole(AriaRole.Navigation, new() { Name = "Filter by status" }).GetByRole(AriaRole.Link, new() { Name = status });

    private static ILocator Row(IPage page, string program) =>
        page.Locator("table.applications tbody tr", new() { Has = page.GetByRole(AriaRole.Link, new() { Name = program, Exact = true }) });

    private static async Task ExpectOrderAsync(IPage page, params string[] programs) =>
        await Assertions.Expect(page.Locator("ol.rank-list > li a.fw-semibold")).ToHaveTextAsync(programs);
}
