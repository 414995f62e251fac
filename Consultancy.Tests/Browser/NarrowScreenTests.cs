using System.Text;
using Consultancy.Application.Domain;
using Consultancy.Tests.Support;
using Microsoft.Playwright;

namespace Consultancy.Tests.Browser;

/// <summary>
/// The program, application and rank list pages on a phone 390 pixels wide: nothing reaches past the right edge, so
/// no page scrolls sideways. A table too wide for the screen scrolls inside its own box.
/// </summary>
public sealed class NarrowScreenTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Season = "ERAS 2028";

    [SkippableFact]
    public async Task The_program_application_and_rank_list_pages_fit_a_390_pixel_wide_screen()
    {
        Skip.IfNot(BrowserFixture.ChromiumInstalled, BrowserFixture.SkipReason);
        var consultant = await browser.App.ConsultantAsync("narrow.screen@consultancy.test");
        var clientId = await browser.App.AddClientAsync(consultant.Id, ClientStage.Interviewing, "Oluwaseun", "Adebayo-Williamson");
        var programs = await browser.App.AddProgramsAsync(Enumerable.Range(1, 12).Select(n => ProgramBuilder.Program(
            $"Northwestern Regional Academic Medical Center of Greater Springfield {n:00} — Internal Medicine",
            imgShare: 5 * n, minimumStep2: n % 2 == 0 ? 245 : null, maximumYears: n % 3 == 0 ? 3 : 10)));
        var applications = await browser.App.AddApplicationsAsync(clientId, Season, programs);
        await browser.App.AddRankListAsync(clientId, Season, [applications[0], applications[4], applications[8]]);
        var page = await browser.SignedInPageAsync(browser.App.Admin);
        await page.SetViewportSizeAsync(390, 844);

        string[] pages =
        [
            "/Programs", $"/Programs/Details/{programs[0]}", "/Programs/Create", $"/Programs/Edit/{programs[0]}", "/Programs/Import",
            $"/Applications/Find/{clientId}", $"/Applications/Index/{clientId}", $"/Applications/Details/{applications[0]}",
            $"/RankList/Index/{clientId}", $"/RankList/Index/{clientId}?compare=1", $"/RankList/Print/{clientId}", "/InterviewCriteria",
        ];
        var problems = new List<string>();
        foreach (var url in pages)
        {
            await page.GotoAsync(url);
            if (await OverflowAsync(page) is { } problem) problems.Add($"{url}: {problem}");
        }

        await page.GotoAsync("/Programs/Import");
        await page.GetByLabel("CSV file").SetInputFilesAsync(new FilePayload
        {
            Name = "programs.csv",
            MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes("Name,Specialty,Country,IMG share (%)\n"
                + "Southeastern Interdisciplinary University Hospital and Clinics — Internal Medicine,Internal Medicine,United States,40\n"
                + ",Pathology,United States,140\n"),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the file" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Check the import of programs.csv");
        if (await OverflowAsync(page) is { } preview) problems.Add($"import preview: {preview}");

        Assert.True(problems.Count == 0, $"{problems.Count} page(s) wider than 390 px:\n" + string.Join("\n", problems));
    }

    /// <summary>
    /// Null when the page fits the viewport's width; otherwise how wide it is and the element reaching furthest right
    /// that is not inside a box of its own that scrolls or clips (a table in .table-responsive scrolls there, not the page).
    /// </summary>
    private static async Task<string?> OverflowAsync(IPage page) => await page.EvaluateAsync<string?>("""
        () => {
            const root = document.documentElement;
            const width = root.clientWidth;
            // Whether a box that scrolls or clips holds the element in. An absolutely positioned element (such as
            // .visually-hidden text) escapes every box between it and its positioned containing block.
            const clipped = e => {
                let position = getComputedStyle(e).position;
                for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
                    if (position === 'fixed') return false;
                    const style = getComputedStyle(a);
                    const contains = position !== 'absolute' || style.position !== 'static';
                    if (!contains) continue;
                    if (style.overflowX !== 'visible') return true;
                    position = style.position;
                }
                return false;
            };
            let widest = null;
            for (const e of document.body.querySelectorAll('*')) {
                const box = e.getBoundingClientRect();
                if (box.width === 0 || box.right <= width + 0.5 || clipped(e)) continue;
                if (!widest || box.right > widest.right + 0.5) widest = { right: box.right, element: e };
            }
            if (root.scrollWidth <= width && !widest) return null;
            const describe = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + [...e.classList].map(c => '.' + c).join('');
            return `the page is ${root.scrollWidth} px wide in a ${width} px viewport` + (widest
                ? `; widest: ${describe(widest.element)} reaching ${Math.round(widest.right)} px: ${widest.element.outerHTML.slice(0, 200)}`
                : '');
        }
        """);
}
