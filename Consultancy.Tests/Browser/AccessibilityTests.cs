using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using Consultancy.Application.StrategyCalls;
using Consultancy.Infrastructure.Identity;
using Consultancy.Infrastructure.Persistence;
using Consultancy.Tests.Support;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Consultancy.Tests.Browser;

/// <summary>
/// axe-core (Deque) over every main page with the demo data on it, as an admin, as a consultant and as a visitor:
/// no serious or critical accessibility violation anywhere.
/// </summary>
public sealed class AccessibilityTests(DemoBrowserFixture browser) : IClassFixture<DemoBrowserFixture>
{
    [SkippableFact]
    public async Task The_admins_pages_have_no_serious_accessibility_violation()
    {
        Skip.IfNot(BrowserFixture.ChromiumInstalled, BrowserFixture.SkipReason);
        var ids = await DemoRecordsAsync();
        var page = await browser.SignedInPageAsync(browser.App.Admin);

        string[] pages =
        [
            "/", "/Clients", $"/Clients/Details/{ids.ClientId}", "/Clients/Create", $"/Clients/Edit/{ids.ClientId}",
            "/Deadlines", $"/Deadlines/Create?clientId={ids.ClientId}", $"/Deadlines/Edit/{ids.DeadlineId}",
            "/Calls", $"/Calls/Details/{ids.CallId}", $"/Calls/Book?clientId={ids.ClientId}",
            "/Letters", $"/Letters/Create?clientId={ids.ClientId}", $"/Letters/Edit/{ids.LetterId}", "/LetterTemplate/Edit",
            "/Deadlines?window=Closed", "/Letters?uploaded=true", "/Outbox?status=Sent", "/Outbox?status=All",
            "/Board", "/Outbox", $"/Outbox/Details/{ids.MessageId}", "/Seasons", $"/Seasons/Details/{ids.SeasonId}", "/Playbooks",
            "/Users", "/Users/Invite", "/SecurityLog", "/Availability/Edit", "/Profile/Edit", "/Clients/Import", "/Backup",
            "/Programs", $"/Programs/Details/{ids.ProgramId}", "/Programs/Create", $"/Programs/Edit/{ids.ProgramId}", "/Programs/Import",
            $"/Applications/Index/{ids.ClientId}", $"/Applications/Find/{ids.ClientId}", $"/Applications/Details/{ids.ApplicationId}",
            $"/RankList/Index/{ids.ClientId}", $"/RankList/Index/{ids.ClientId}?compare=1", $"/RankList/Print/{ids.ClientId}", "/InterviewCriteria",
            "/Reports", "/Clients?fewerInvitesThan=3&sort=FewestInvites",
            "/Identity/Account/Manage", "/Identity/Account/Manage/ChangePassword", "/Identity/Account/Manage/TwoFactorAuthentication",
            "/no/such/page",
        ];
        var violations = new List<string>();
        foreach (var url in pages) violations.AddRange(await SeriousViolationsAsync(page, url));

        // A program import checked, with a row to fix.
        await page.GotoAsync("/Programs/Import");
        await page.GetByLabel("CSV file").SetInputFilesAsync(new FilePayload
        {
            Name = "programs.csv", MimeType = "text/csv",
            Buffer = System.Text.Encoding.UTF8.GetBytes("Name,Specialty,Country\nExample Import Hospital — Neurology,Neurology,United States\n,Neurology,United States\n"),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the file" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Check the import of programs.csv");
        violations.AddRange(await SeriousViolationsAsync(page, null));

        // A form sent back with its field messages.
        await page.GotoAsync("/Clients/Create");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add client" }).ClickAsync();
        await Assertions.Expect(page.Locator(".field-validation-error").First).ToBeVisibleAsync();
        violations.AddRange(await SeriousViolationsAsync(page, null));

        // An import's preview with an update, an invalid row and the choice, then the page that offers the skipped rows.
        await page.GotoAsync("/Programs/Import");
        await page.GetByLabel("CSV file").SetInputFilesAsync(new FilePayload
        {
            Name = "programs.csv",
            MimeType = "text/csv",
            Buffer = System.Text.Encoding.UTF8.GetBytes("Name,Specialty,Country,System,Identifier,IMG share (%)\n"
                + "Axe Valley — Internal Medicine,Internal Medicine,United States,ERAS,AXE-IM-1,40\n"
                + "Axe Valley — Pediatrics,Pediatrics,United States,ERAS,AXE-PD-1,140\n"),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the file" }).ClickAsync();
        violations.AddRange(await SeriousViolationsAsync(page, null));
        await page.GetByRole(AriaRole.Button, new() { Name = "Import the 1 valid rows and skip the 1 invalid ones" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Download the skipped rows (CSV)" })).ToBeVisibleAsync();
        violations.AddRange(await SeriousViolationsAsync(page, null));

        Assert.True(violations.Count == 0, Report(violations));
    }

    [SkippableFact]
    public async Task The_consultants_pages_have_no_serious_accessibility_violation()
    {
        Skip.IfNot(BrowserFixture.ChromiumInstalled, BrowserFixture.SkipReason);
        var ids = await DemoRecordsAsync();
        var page = await browser.SignedInPageAsync(DemoBrowserFixture.Maya);

        string[] pages =
        [
            "/", "/Clients", $"/Clients/Details/{ids.ClientId}", $"/Clients/Edit/{ids.ClientId}", "/Deadlines?view=Overdue",
            "/Calls", $"/Calls/Details/{ids.CallId}", "/Letters", "/Letters?uploaded=true", "/Board", "/Outbox", "/Outbox?status=Sent", "/Availability/Edit", "/Profile/Edit", "/Clients/Import",
            "/Programs", "/Programs?specialty=Internal%20Medicine&minImgShare=50", $"/Programs/Details/{ids.ProgramId}", "/Programs/Create",
            $"/Programs/Edit/{ids.ProgramId}", "/Programs/Import",
            $"/Applications/Index/{ids.ClientId}", $"/Applications/Find/{ids.ClientId}?allSpecialties=true", $"/Applications/Details/{ids.ApplicationId}",
            $"/RankList/Index/{ids.ClientId}", $"/RankList/Index/{ids.ClientId}?compare=1", $"/RankList/Print/{ids.ClientId}",
            "/Clients?fewerInvitesThan=3&sort=FewestInvites",
        ];
        var violations = new List<string>();
        foreach (var url in pages) violations.AddRange(await SeriousViolationsAsync(page, url));

        Assert.True(violations.Count == 0, Report(violations));
    }

    [SkippableFact]
    public async Task The_public_pages_have_no_serious_accessibility_violation()
    {
        Skip.IfNot(BrowserFixture.ChromiumInstalled, BrowserFixture.SkipReason);
        var ids = await DemoRecordsAsync();
        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = browser.BaseUrl, TimezoneId = "Europe/Berlin", ViewportSize = new() { Width = 1280, Height = 900 },
        });
        var page = await context.NewPageAsync();

        var violations = new List<string>();
        violations.AddRange(await SeriousViolationsAsync(page, "/book/maya-patel?tz=Europe%2FBerlin"));
        var firstSlot = await page.Locator("a.slot").First.GetAttributeAsync("href");
        string[] pages =
        [
            "/Identity/Account/Login", "/Identity/Account/ForgotPassword", "/book", firstSlot!, ids.ManageBooking,
            ids.ManageBooking + "/reschedule", "/book/manage/not-a-token", ids.RefereePage, "/letters/r/not-a-token", ids.StopFollowUps,
            ids.Unsubscribe, "/u/not-a-token", "/Error/404", "/Error/429", "/Error",
        ];
        foreach (var url in pages) violations.AddRange(await SeriousViolationsAsync(page, url));

        Assert.True(violations.Count == 0, Report(violations));
    }

    [SkippableFact]
    public async Task Tab_reaches_every_control_of_the_client_page_and_the_board_in_order_with_a_visible_focus()
    {
        Skip.IfNot(BrowserFixture.ChromiumInstalled, BrowserFixture.SkipReason);
        var ids = await DemoRecordsAsync();
        var page = await browser.SignedInPageAsync(DemoBrowserFixture.Maya);

        foreach (var url in new[] { $"/Clients/Details/{ids.ClientId}", "/Board" })
        {
            await page.GotoAsync(url);
            var controls = await page.EvaluateAsync<int>(NumberTabStops);
            Assert.True(controls > 10, $"{url} has only {controls} controls");

            var problems = new List<string>();
            for (var expected = 0; expected < controls; expected++)
            {
                await page.Keyboard.PressAsync("Tab");
                var focus = await page.EvaluateAsync<FocusState>(DescribeFocus);
                if (focus.Order != expected) problems.Add($"Tab {expected + 1} focused {focus.Element} (stop {focus.Order}), expected stop {expected}");
                else if (!focus.Visible) problems.Add($"{focus.Element} has no visible focus indicator");
            }
            Assert.True(problems.Count == 0, $"{url}:\n" + string.Join("\n", problems));
        }
    }

    /// <summary>
    /// Numbers, in document order, the controls a keyboard user should reach with Tab: everything focusable that is
    /// rendered (not inside a closed details element), with one stop per radio group (Tab lands on the checked radio, or the first).
    /// </summary>
    private const string NumberTabStops = """
        () => {
            const candidates = [...document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex]')]
                .filter(e => e.tabIndex >= 0 && !e.disabled && e.type !== 'hidden' && !e.closest('[inert]')
                    && e.checkVisibility({ visibilityProperty: true }) && !e.closest('details:not([open]) > :not(summary)'));
            const stops = candidates.filter(e => e.type !== 'radio' || (() => {
                const group = candidates.filter(r => r.type === 'radio' && r.name === e.name && r.form === e.form);
                return e === (group.find(r => r.checked) || group[0]);
            })());
            stops.forEach((e, i) => e.dataset.tabStop = i);
            return stops.length;
        }
        """;

    /// <summary>Which numbered control has the focus, and whether its :focus-visible style draws an outline or a ring.</summary>
    private const string DescribeFocus = """
        () => {
            const e = document.activeElement;
            const style = getComputedStyle(e);
            const outlined = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
            const ringed = style.boxShadow !== 'none';
            return {
                Order: e.dataset.tabStop === undefined ? -1 : Number(e.dataset.tabStop),
                Element: e.outerHTML.slice(0, 160),
                Visible: e.matches(':focus-visible') && (outlined || ringed),
            };
        }
        """;

    private sealed class FocusState
    {
        public int Order { get; set; }
        public string Element { get; set; } = "";
        public bool Visible { get; set; }
    }

    /// <summary>Every rule runs, but only violations come back with their elements: passes would only cost time.</summary>
    private static readonly AxeRunOptions ViolationsOnly = new() { ResultTypes = [ResultType.Violations] };

    /// <summary>Opens the page (unless already there) and lists axe's serious and critical findings: rule, help and where.</summary>
    private static async Task<IEnumerable<string>> SeriousViolationsAsync(IPage page, string? url)
    {
        if (url is not null) await page.GotoAsync(url);
        var result = await page.RunAxe(ViolationsOnly);
        var path = new Uri(page.Url).PathAndQuery;
        return result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{path}: {v.Id} ({v.Impact}) {v.Help}\n    at {string.Join("\n    at ", v.Nodes.Select(n => $"{n.Target} {n.Html}"))}");
    }

    private static string Report(List<string> violations) =>
        $"{violations.Count} serious or critical accessibility violation(s):\n" + string.Join("\n", violations);

    private sealed record DemoRecords(int ClientId, int DeadlineId, int CallId, int LetterId, long MessageId, int SeasonId,
        string ManageBooking, string RefereePage, string StopFollowUps, string Unsubscribe, int ProgramId, int ApplicationId);

    /// <summary>
    /// A demo client of Maya's with deadlines and letters, a call booked through her public page and applications to the
    /// demo's ERAS programs with two of them ranked (once per app, whichever test asks first), and the login-free links.
    /// </summary>
    private async Task<DemoRecords> DemoRecordsAsync()
    {
        await using var scope = browser.App.Services.CreateSystemScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<AppDbContext>();
        var maya = await db.UserProfiles.SingleAsync(u => u.Email == DemoBrowserFixture.Maya.Email);
        var letter = await db.LetterRequests.Include(l => l.Client)
            .Where(l => l.Client!.ConsultantId == maya.Id && db.Deadlines.Any(d => d.ClientId == l.ClientId))
            .OrderBy(l => l.Id).FirstAsync();
        var deadlineId = await db.Deadlines.Where(d => d.ClientId == letter.ClientId).Select(d => d.Id).FirstAsync();
        var messageId = await db.OutboxMessages.OrderBy(m => m.Id).Select(m => m.Id).FirstAsync();
        var seasonId = await db.Seasons.OrderBy(s => s.Id).Select(s => s.Id).FirstAsync();
        var programId = await db.ResidencyPrograms.Where(p => p.VerifiedAt != null).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
        if (!await db.ProgramApplications.AnyAsync(a => a.ClientId == letter.ClientId))
        {
            var season = letter.Client!.Season ?? "ERAS 2028";
            var programs = await db.ResidencyPrograms.Where(p => p.System == ProgramSystem.ErasNrmp).OrderBy(p => p.Id).Select(p => p.Id).ToListAsync();
            var applications = await browser.App.AddApplicationsAsync(letter.ClientId, season, programs);
            await browser.App.AddRankListAsync(letter.ClientId, season, [applications[0], applications[4]]);
        }
        var applicationId = await db.ProgramApplications.Where(a => a.ClientId == letter.ClientId && a.InterviewAtUtc != null)
            .OrderBy(a => a.Id).Select(a => a.Id).FirstAsync();

        // Tuesday 12 January 2027, 09:00 in New York: inside Maya's weekday hours, two days after the fixture's clock.
        var start = new DateTime(2027, 1, 12, 14, 0, 0, DateTimeKind.Utc);
        var call = await db.StrategyCalls.SingleOrDefaultAsync(c => c.ConsultantId == maya.Id && c.StartUtc == start);
        if (call is null)
        {
            await services.GetRequiredService<IMediator>().Send(BookingBuilder.NewBooking("maya-patel", start));
            call = await db.StrategyCalls.SingleAsync(c => c.ConsultantId == maya.Id && c.StartUtc == start);
        }
        var booking = services.GetRequiredService<IBookingLinks>();
        var letters = services.GetRequiredService<ILetterLinks>();
        return new DemoRecords(letter.ClientId, deadlineId, call.Id, letter.Id, messageId, seasonId,
            new Uri(booking.ManageUrl(booking.ManageToken(call.Id, CallEmailPlanner.ManageLinkExpiry(call)))).PathAndQuery,
            new Uri(letters.RefereePage(letter.Id, letter.RefereeEmail)).PathAndQuery,
            new Uri(letters.StopFollowUps(letter.Id)).PathAndQuery,
            new Uri(services.GetRequiredService<IReminderLinks>().Unsubscribe(letter.ClientId)).PathAndQuery, programId, applicationId);
    }
}
