using Consultancy.Application.Common.Exceptions;
using Consultancy.Application.Domain;
using Consultancy.Application.Playbooks;
using Consultancy.Application.Reports;
using Consultancy.Tests.Support;

namespace Consultancy.Tests.Application;

/// <summary>The admins' season report: what each column counts, per consultant and in total, and who may read it.</summary>
public sealed class SeasonReportTests : IAsyncLifetime
{
    private const string Season = "ERAS 2028";
    private ApplicationHarness _app = null!;
    private TestUser _admin = null!, _maya = null!, _daniel = null!;
    private int _eras2028;

    public async Task InitializeAsync()
    {
        _app = await ApplicationHarness.StartAsync();
        _admin = await _app.AdminAsync();
        _maya = await _app.ConsultantAsync("maya@consultancy.test");
        _daniel = await _app.ConsultantAsync("daniel@consultancy.test");
        await _app.ConsultantAsync("zoe@consultancy.test");
        _eras2028 = (await _app.SendAsync(_admin, new GetSeasons())).Single(s => s.Name == Season).Id;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    /// <summary>
    /// Maya: A matched (5 sent, 4 invites, 3 interviews), B not matched (4 sent: a rejection counts; 2 invites, 2
    /// interviews), C only researching (a client, nothing sent). Daniel: D with 4 sent and 1 invite. Zoe: no clients.
    /// </summary>
    private async Task ArrangeCaseloadsAsync()
    {
        var a = await _app.SendAsync(_maya, ClientBuilder.NewClient("A"));
        var b = await _app.SendAsync(_maya, ClientBuilder.NewClient("B"));
        var c = await _app.SendAsync(_maya, ClientBuilder.NewClient("C"));
        var d = await _app.SendAsync(_daniel, ClientBuilder.NewClient("D"));
        await _app.ApplicationsAsync(_maya, a, Season, ApplicationStatus.Applied, ApplicationStatus.InterviewInvited, ApplicationStatus.Interviewed,
            ApplicationStatus.Ranked, ApplicationStatus.Matched, ApplicationStatus.Withdrawn, ApplicationStatus.Researching);
        await _app.ApplicationsAsync(_maya, a, "ERAS 2027", ApplicationStatus.Matched, ApplicationStatus.InterviewInvited);
        await _app.ApplicationsAsync(_maya, b, Season, ApplicationStatus.Applied, ApplicationStatus.Rejected, ApplicationStatus.InterviewScheduled,
            ApplicationStatus.NotMatched);
        await _app.ApplicationsAsync(_maya, c, Season, ApplicationStatus.Researching);
        await _app.ApplicationsAsync(_daniel, d, Season, ApplicationStatus.Applied, ApplicationStatus.Applied, ApplicationStatus.Applied,
            ApplicationStatus.InterviewInvited);
    }

    private static string Text(ConsultantOutcomes r) =>
        $"{r.Consultant}: {r.Clients} clients, {r.Applied} applied, {r.Invites} invites ({r.InvitesPerApplication}), {r.Interviews} interviews, " +
        $"{r.Ranked} ranked, {r.Matched} matched of {r.WithOutcome} ({r.MatchRate})";

    [Fact]
    public async Task Each_consultants_clients_are_counted_in_the_season_with_a_total_row()
    {
        await ArrangeCaseloadsAsync();

        var report = await _app.SendAsync(_admin, new GetSeasonReport(_eras2028));

        Assert.Equal(Season, report.Season!.Name);
        Assert.Equal(
        [
            "daniel: 1 clients, 4 applied, 1 invites (0.25), 0 interviews, 0 ranked, 0 matched of 0 (—)",
            "maya: 3 clients, 9 applied, 6 invites (0.67), 5 interviews, 2 ranked, 1 matched of 2 (50 %)",
            "zoe: 0 clients, 0 applied, 0 invites (—), 0 interviews, 0 ranked, 0 matched of 0 (—)",
        ], report.Rows.Select(Text));
        Assert.Equal("All consultants: 4 clients, 13 applied, 7 invites (0.54), 5 interviews, 2 ranked, 1 matched of 2 (50 %)", Text(report.Total));
    }

    [Fact]
    public async Task Another_season_counts_only_its_own_applications()
    {
        await ArrangeCaseloadsAsync();
        var eras2027 = (await _app.SendAsync(_admin, new GetSeasons())).Single(s => s.Name == "ERAS 2027").Id;

        var report = await _app.SendAsync(_admin, new GetSeasonReport(eras2027));

        Assert.Equal("maya: 1 clients, 2 applied, 2 invites (1.00), 1 interviews, 1 ranked, 1 matched of 1 (100 %)", Text(report.Rows.Single(r => r.Consultant == "maya")));
        Assert.Equal("All consultants: 1 clients, 2 applied, 2 invites (1.00), 1 interviews, 1 ranked, 1 matched of 1 (100 %)", Text(report.Total));
    }

    [Fact]
    public async Task Without_a_season_the_report_is_of_the_season_whose_rank_list_deadline_comes_next()
    {
        // 25 Nov 2026: CaRMS 2027 certifies on 24 Feb 2027, before ERAS 2027 on 3 Mar.
        var report = await _app.SendAsync(_admin, new GetSeasonReport());

        Assert.Equal("CaRMS 2027", report.Season!.Name);
        Assert.Equal(["ERAS 2027", "ERAS 2028", "CaRMS 2027", "CaRMS 2028"], report.Seasons.Select(s => s.Name));
        Assert.Equal(0, report.Total.Clients);
        Assert.Equal("—", report.Total.InvitesPerApplication);
        await Assert.ThrowsAsync<NotFoundException>(() => _app.SendAsync(_admin, new GetSeasonReport(999_999)));
    }

    [Fact]
    public async Task Consultants_are_refused_the_report()
    {
        await ArrangeCaseloadsAsync();

        await Assert.ThrowsAsync<ForbiddenException>(() => _app.SendAsync(_maya, new GetSeasonReport(_eras2028)));
        await Assert.ThrowsAsync<ForbiddenException>(() => _app.SendAsync(null, new GetSeasonReport(_eras2028)));
    }
}
