using Consultancy.Application.Playbooks;
using Consultancy.Infrastructure.Identity;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Consultancy.Infrastructure.Jobs;

/// <summary>
/// Carries out one season plan run (<see cref="ApplyPlaybookToSeason"/>), whose id its job data holds. Scheduled once
/// per run by <see cref="SeasonPlanRuns"/>; the run records its own progress, which its page reads.
/// </summary>
internal sealed class ApplySeasonPlanJob(IServiceProvider services) : IJob
{
    public const string RunIdKey = "RunId";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
    {
        var runId = Guid.Parse(context.MergedJobDataMap.GetString(RunIdKey)!);
        await using var scope = services.CreateSystemScope();
        await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new ApplyPlaybookToSeason(runId), ct);
    }
}

/// <summary>
/// Hands a season plan run recorded by <see cref="StartSeasonPlanRun"/> to the scheduler: a one-off job with the run's
/// id in its job data, fired at once. On PostgreSQL the job is in the shared schedule, so whichever instance's
/// scheduler takes it runs it, a restart does not lose it, and a run cut off by a crash is run again (the playbook
/// adds only the deadlines a client does not have yet). On SQLite the schedule is in memory, as the app is one process.
/// </summary>
public sealed class SeasonPlanRuns(ISchedulerFactory schedulers)
{
    public static JobKey JobOf(Guid runId) => new($"season-plan-{runId:N}");

    public async Task StartAsync(Guid runId, CancellationToken ct)
    {
        var job = JobBuilder.Create<ApplySeasonPlanJob>()
            .WithIdentity(JobOf(runId))
            .UsingJobData(ApplySeasonPlanJob.RunIdKey, runId.ToString())
            .RequestRecovery()
            .Build();
        var scheduler = await schedulers.GetScheduler(ct);
        await scheduler.ScheduleJob(job, TriggerBuilder.Create().ForJob(job).StartNow().Build(), cancellationToken: ct);
    }
}
