using System.Net;
using AngleSharp.Dom;
using Consultancy.Application.Domain;
using Consultancy.Infrastructure.Identity;
using Consultancy.Infrastructure.Jobs;
using Consultancy.Infrastructure.Persistence;
using Consultancy.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Consultancy.Tests.Web;

public sealed class SeasonPagesTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Consultants_cannot_open_season_or_playbook_administration()
    {
        var consultant = await BrowserlessSession.SignInAsync(app, await app.ConsultantAsync("seasons1@consultancy.test"));
        foreach (var url in new[] { "/Seasons", "/Seasons/Details/1", "/Playbooks" })
        {
            var response = await consultant.Http.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Error/403", response.Headers.Location!.PathAndQuery);
        }
    }

    [Fact]
    public async Task A_consultant_plans_a_clients_season_from_the_client_page_and_an_admin_moves_a_key_date_with_its_deadlines()
    {
        var consultant = await BrowserlessSession.SignInAsync(app, await app.ConsultantAsync("seasons2@consultancy.test"));
        var created = await consultant.SubmitAsync("/Clients/Create", "main form", new Dictionary<string, string>(WebForms.NewClient("Season", "Planner"))
        {
            ["TimeZoneId"] = "UTC", ["Season"] = "ERAS 2028",
        });
        var clientUrl = created.Headers.Location!.OriginalString;
        var page = await consultant.GetPageAsync(clientUrl);
        Assert.Equal("ERAS 2028", page.QuerySelector("#seasonId option[selected], #seasonId option")!.TextContent);

        var applied = await consultant.SubmitAsync(clientUrl, "form[action*=ApplySeasonPlan]", []);
        Assert.Equal(HttpStatusCode.Redirect, applied.StatusCode);
        var planned = await consultant.GetPageAsync(clientUrl);
        Assert.Contains("Season plan applied: 11 deadline(s) added", planned.QuerySelector("[role=status]")!.TextContent);
        Assert.Contains("Certify the rank order list", planned.QuerySelector("#deadlines")!.TextContent);

        var admin = await BrowserlessSession.SignInAsync(app, app.Admin);
        var seasonId = await QueryAsync(db => db.Seasons.Where(s => s.Name == "ERAS 2028").Select(s => s.Id).SingleAsync());
        var keyDateId = await QueryAsync(db => db.SeasonKeyDates.Where(k => k.SeasonId == seasonId && k.Key == "match-day").Select(k => k.Id).SingleAsync());
        var saved = await admin.SubmitAsync($"/Seasons/Details/{seasonId}", $"form#key-{keyDateId}", new()
        {
            ["Name"] = "Match Day", ["Date"] = "2028-03-24", ["Verified"] = "true", ["MoveFollowingDeadlines"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var after = await admin.GetPageAsync($"/Seasons/Details/{seasonId}");
        Assert.Contains("Match Day saved; 1 deadline(s) moved with it", after.QuerySelector("[role=status]")!.TextContent);
        Assert.Equal(new DateOnly(2028, 3, 24), await QueryAsync(db => db.Deadlines.Where(d => d.Title == "Match Day" && d.Client!.Email.StartsWith("season.planner")).Select(d => d.DueDate).SingleAsync()));
    }

    [Fact]
    public async Task Applying_a_season_plan_to_all_its_clients_runs_in_the_background_and_shows_its_progress_to_the_end()
    {
        var consultant = await BrowserlessSession.SignInAsync(app, await app.ConsultantAsync("seasons3@consultancy.test"));
        for (var i = 0; i < 3; i++)
            await consultant.SubmitAsync("/Clients/Create", "main form", new Dictionary<string, string>(WebForms.NewClient($"Bulk{i}", "Carms"))
            {
                ["Season"] = "CaRMS 2028", ["TargetSystem"] = "CaRMS",
            });
        var admin = await BrowserlessSession.SignInAsync(app, app.Admin);
        var seasonId = await QueryAsync(db => db.Seasons.Where(s => s.Name == "CaRMS 2028").Select(s => s.Id).SingleAsync());

        var started = await admin.SubmitAsync($"/Seasons/Details/{seasonId}", "form[action*=ApplyToClients]", []);
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var progressUrl = started.Headers.Location!.OriginalString;
        Assert.StartsWith("/Seasons/Progress/", progressUrl);

        var status = "";
        for (var poll = 0; poll < 100 && !status.StartsWith("Finished"); poll++)
        {
            await Task.Delay(100);
            status = (await admin.GetPageAsync(progressUrl)).QuerySelector("[role=status]")!.TextContent.Trim();
        }
        var items = await QueryAsync(db => db.PlaybookItems.CountAsync(i => db.Playbooks.Any(p => p.Id == i.PlaybookId && p.System == Consultancy.Application.Domain.TargetSystem.CaRMS)));
        Assert.Equal($"Finished: 3 of 3 client(s) planned, {3 * items} new deadline(s) with their reminders.", status);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.Http.GetAsync($"/Seasons/Progress/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task A_season_plan_run_is_a_job_of_the_scheduler_and_waits_for_it()
    {
        var consultant = await BrowserlessSession.SignInAsync(app, await app.ConsultantAsync("seasons4@consultancy.test"));
        await consultant.SubmitAsync("/Clients/Create", "main form", new Dictionary<string, string>(WebForms.NewClient("Queued", "Plan"))
        {
            ["Season"] = "ERAS 2028", ["TargetSystem"] = "ErasNrmp",
        });
        var admin = await BrowserlessSession.SignInAsync(app, app.Admin);
        var seasonId = await QueryAsync(db => db.Seasons.Where(s => s.Name == "ERAS 2028").Select(s => s.Id).SingleAsync());
        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();

        await scheduler.Standby();
        Guid runId;
        try
        {
            var started = await admin.SubmitAsync($"/Seasons/Details/{seasonId}", "form[action*=ApplyToClients]", []);
            runId = Guid.Parse(started.Headers.Location!.OriginalString["/Seasons/Progress/".Length..]);

            // With the scheduler paused the run waits in the schedule, its id in the job's data, and nothing is planned.
            var job = await scheduler.GetJobDetail(SeasonPlanRuns.JobOf(runId));
            Assert.NotNull(job);
            Assert.Equal(runId.ToString(), job.JobDataMap.GetString("RunId"));
            Assert.Single(await scheduler.GetTriggersOfJob(job.Key));
            var waiting = await QueryAsync(db => db.SeasonPlanRuns.SingleAsync(r => r.Id == runId));
            Assert.Equal((SeasonPlanRunState.Running, 0), (waiting.State, waiting.ClientsDone));
        }
        finally
        {
            await scheduler.Start();
        }

        var state = SeasonPlanRunState.Running;
        for (var poll = 0; poll < 100 && state == SeasonPlanRunState.Running; poll++)
        {
            await Task.Delay(100);
            state = await QueryAsync(db => db.SeasonPlanRuns.Where(r => r.Id == runId).Select(r => r.State).SingleAsync());
        }
        Assert.Equal(SeasonPlanRunState.Finished, state);
        // A one-off job: once it has run, the schedule lets it go.
        var gone = false;
        for (var poll = 0; poll < 50 && !gone; poll++)
        {
            gone = await scheduler.GetJobDetail(SeasonPlanRuns.JobOf(runId)) is null;
            if (!gone) await Task.Delay(100);
        }
        Assert.True(gone, "the run's job is still in the schedule");
    }

    [Fact]
    public async Task An_admin_sets_the_seasons_invites_and_signal_limits_and_bad_input_says_what_to_fix()
    {
        var admin = await BrowserlessSession.SignInAsync(app, app.Admin);
        var seasonId = await QueryAsync(db => db.Seasons.Where(s => s.Name == "CaRMS 2027").Select(s => s.Id).SingleAsync());
        var url = $"/Seasons/Details/{seasonId}";

        Assert.Equal("Enter a minimum of 1 to 100 invites.",
            await RefusalAsync(admin, url, "#invites-form", new() { ["InvitesExpectedBy"] = "2026-12-20", ["MinimumInvites"] = "0" }));
        Assert.Equal("Set both the date invites are expected by and the minimum number of invites, or clear both.",
            await RefusalAsync(admin, url, "#invites-form", new() { ["InvitesExpectedBy"] = "", ["MinimumInvites"] = "6" }));
        Assert.Equal("The value 'many' is not valid for Minimum invites.",
            await RefusalAsync(admin, url, "#invites-form", new() { ["InvitesExpectedBy"] = "2026-12-20", ["MinimumInvites"] = "many" }));
        var saved = await admin.SubmitAsync(url, "#invites-form", new() { ["InvitesExpectedBy"] = "2026-12-20", ["MinimumInvites"] = "6" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = await admin.GetPageAsync(url);
        Assert.Contains("Clients with fewer than 6 invites by", page.QuerySelector("[role=status]")!.TextContent);
        Assert.Equal("2026-12-20", page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#InvitesExpectedBy")!.Value);
        Assert.Equal("6", page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#MinimumInvites")!.Value);

        var added = await admin.SubmitAsync(url, "form#limit-new", new() { ["Specialty"] = "Family Medicine", ["Signals"] = "5" });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal("Program signals: enter 0 to 100, or leave blank for no limit.",
            await RefusalAsync(admin, url, "form#limit-new", new() { ["Specialty"] = "Psychiatry", ["Signals"] = "250" }));
        Assert.Equal("CaRMS 2027 already has limits for family medicine: change that row instead.",
            await RefusalAsync(admin, url, "form#limit-new", new() { ["Specialty"] = "family medicine", ["Gold"] = "2" }));
        var limitId = await QueryAsync(db => db.SeasonSignalLimits.Where(l => l.SeasonId == seasonId).Select(l => l.Id).SingleAsync());
        await admin.SubmitAsync(url, $"form#limit-{limitId}", new() { ["Specialty"] = "Family Medicine", ["Signals"] = "", ["Gold"] = "2", ["Silver"] = "7" });
        var limits = (await admin.GetPageAsync(url)).QuerySelector("#signal-limits tbody tr")!;
        Assert.Equal(["Family Medicine", "", "2", "7"], limits.QuerySelectorAll("input:not([type=hidden])").Take(4)
            .Select(i => ((AngleSharp.Html.Dom.IHtmlInputElement)i).Value));

        var removed = await admin.SubmitAsync(url, "form[action*=RemoveSignalLimits]", []);
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Contains("Signal limits for Family Medicine removed.", (await admin.GetPageAsync(url)).QuerySelector("[role=status]")!.TextContent);
        Assert.Equal(0, await QueryAsync(db => db.SeasonSignalLimits.CountAsync(l => l.SeasonId == seasonId)));
        var season = await QueryAsync(db => db.Seasons.SingleAsync(s => s.Id == seasonId));
        Assert.Equal((new DateOnly(2026, 12, 20), 6), (season.InvitesExpectedBy, season.MinimumInvites));
    }

    /// <summary>Posts a form expecting a refusal: back to the page with the message, nothing saved.</summary>
    private static async Task<string> RefusalAsync(BrowserlessSession session, string url, string form, Dictionary<string, string> values)
    {
        var response = await session.SubmitAsync(url, form, values);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return (await session.GetPageAsync(url)).QuerySelector("[role=alert]")!.TextContent.Trim();
    }

    private async Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var scope = app.Services.CreateSystemScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }
}
