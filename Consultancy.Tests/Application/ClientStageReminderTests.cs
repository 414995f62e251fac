using Consultancy.Application.Clients;
using Consultancy.Application.Deadlines;
using Consultancy.Application.Domain;
using Consultancy.Application.Playbooks;
using Consultancy.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Tests.Application;

/// <summary>A client whose season is over for them (withdrawn, matched, unmatched) is sent no more reminders.</summary>
public sealed class ClientStageReminderTests : IAsyncLifetime
{
    private ApplicationHarness _app = null!;
    private TestUser _admin = null!, _alice = null!;

    public async Task InitializeAsync()
    {
        _app = await ApplicationHarness.StartAsync();
        _admin = await _app.AdminAsync();
        _alice = await _app.ConsultantAsync("alice@consultancy.test");
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData(ClientStage.Withdrawn, "the client is withdrawn")]
    [InlineData(ClientStage.Matched, "the client is matched")]
    [InlineData(ClientStage.Unmatched, "the client is unmatched")]
    public async Task Entering_a_closing_stage_cancels_pending_reminders_with_the_reason_and_leaving_it_plans_them_again(ClientStage stage, string reason)
    {
        var clientId = await _app.SendAsync(_alice, ClientBuilder.NewClient() with { Stage = ClientStage.Interviewing });
        var deadlineId = await _app.SendAsync(_alice, new AddDeadline
        {
            ClientId = clientId, Title = "Send thank-you notes", Category = DeadlineCategory.Interview, DueDate = new DateOnly(2027, 2, 1), ReminderOffsets = "14, 7, 1",
        });

        await _app.SendAsync(_alice, new ChangeClientStage(clientId, stage));

        var cancelled = await RemindersAsync(deadlineId);
        Assert.Equal(3, cancelled.Count);
        Assert.All(cancelled, r => Assert.Equal((OutboxStatus.Cancelled, reason), (r.Status, r.CancelReason)));

        await _app.SendAsync(_alice, new ChangeClientStage(clientId, ClientStage.Interviewing));

        var planned = await RemindersAsync(deadlineId);
        Assert.Equal(cancelled.Select(r => r.Id), planned.Select(r => r.Id));
        Assert.All(planned, r => Assert.Equal(OutboxStatus.Pending, r.Status));
    }

    [Fact]
    public async Task A_deadline_added_for_a_withdrawn_client_plans_no_reminders()
    {
        var clientId = await _app.SendAsync(_alice, ClientBuilder.NewClient() with { Stage = ClientStage.Withdrawn });

        var deadlineId = await _app.SendAsync(_alice, new AddDeadline
        {
            ClientId = clientId, Title = "Return the loaner laptop", Category = DeadlineCategory.Other, DueDate = new DateOnly(2027, 2, 1), ReminderOffsets = "7",
        });

        Assert.Empty(await RemindersAsync(deadlineId));
    }

    [Fact]
    public async Task Applying_a_season_plan_to_the_whole_season_skips_clients_whose_season_is_over()
    {
        var season = (await _app.SendAsync(_admin, new GetSeasons())).Single(s => s.Name == "ERAS 2028").Id;
        var applying = await _app.SendAsync(_alice, ClientBuilder.NewClient("Still", "Applying") with { Season = "ERAS 2028", Stage = ClientStage.Applied });
        var matched = await _app.SendAsync(_alice, ClientBuilder.NewClient("Already", "Matched") with { Season = "ERAS 2028", Stage = ClientStage.Matched });
        var withdrawn = await _app.SendAsync(_alice, ClientBuilder.NewClient("Has", "Withdrawn") with { Season = "ERAS 2028", Stage = ClientStage.Withdrawn });

        Assert.Equal(1, (await _app.SendAsync(_admin, new GetSeason(season))).PlanningClients);
        var result = await _app.SendAsync(_admin, new ApplyPlaybookToSeason(await _app.SendAsync(_admin, new StartSeasonPlanRun(season))));

        Assert.Equal(1, result.ClientsTotal);
        Assert.NotEmpty(await _app.SendAsync(_alice, new GetClientDeadlines(applying)));
        Assert.Empty(await _app.SendAsync(_alice, new GetClientDeadlines(matched)));
        Assert.Empty(await _app.SendAsync(_alice, new GetClientDeadlines(withdrawn)));
    }

    private Task<List<OutboxMessage>> RemindersAsync(int deadlineId) =>
        _app.QueryAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.DeadlineId == deadlineId).OrderBy(m => m.Id).ToListAsync());
}
