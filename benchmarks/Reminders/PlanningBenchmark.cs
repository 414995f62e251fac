using System.Diagnostics;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using Consultancy.Application.Reminders;
using Consultancy.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Consultancy.Benchmarks.Reminders;

/// <param name="Load">Reading the deadlines with their clients.</param>
/// <param name="Replan"><see cref="ReminderPlanner.ReplanAsync"/>: reading existing rows and working out the plan.</param>
/// <param name="Save">Saving: inserting (or updating) the outbox rows.</param>
internal sealed record PlanningStep(string Step, int Deadlines, int RowsWritten, TimeSpan Load, TimeSpan Replan, TimeSpan Save)
{
    public TimeSpan Total => Load + Replan + Save;
}

/// <summary>
/// Reminder planning applied in one go to every deadline of a caseload: the first plan, which inserts
/// the outbox rows, and a second pass over the same deadlines, which finds every row already right.
/// </summary>
internal sealed class PlanningBenchmark
{
    private static readonly DateTime Now = new(2027, 1, 10, 12, 0, 0, DateTimeKind.Utc);

    public async Task<IReadOnlyList<PlanningStep>> RunAsync(int clients, int deadlinesPerClient, CancellationToken ct)
    {
        await using var app = await BenchmarkApp.StartAsync(new AppSetup(), ct);
        var consultant = await app.CreateConsultantAsync(ct);
        app.Clock.MoveTo(Now);
        // Default offsets (14, 7, 1 days): three reminders per deadline, all still ahead.
        await app.SeedAsync(consultant, clients, deadlinesPerClient, DateOnly.FromDateTime(Now).AddDays(60), ReminderOffsets.Default, plan: false, ct);

        var first = await PlanAllAsync(app, "first plan (inserts rows)", ct);
        var second = await PlanAllAsync(app, "re-plan (rows already right)", ct);
        var rows = await app.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.Pending, ct));
        if (rows != first.Deadlines * ReminderOffsets.Default.Items.Count || second.RowsWritten != 0)
            throw new InvalidOperationException($"Planning wrote {rows} pending rows and the re-plan {second.RowsWritten}.");
        return [first, second];
    }

    private static async Task<PlanningStep> PlanAllAsync(BenchmarkApp app, string step, CancellationToken ct)
    {
        await using var scope = app.Services.CreateSystemScope();
        var db = scope.ServiceProvider.GetRequiredService<IAppDbContext>();
        var planner = scope.ServiceProvider.GetRequiredService<ReminderPlanner>();

        var started = Stopwatch.GetTimestamp();
        var deadlines = await db.Deadlines.Include(d => d.Client).ToListAsync(ct);
        var loaded = Stopwatch.GetTimestamp();
        await planner.ReplanAsync(deadlines, ct);
        var planned = Stopwatch.GetTimestamp();
        var written = await db.SaveChangesAsync(ct);
        var saved = Stopwatch.GetTimestamp();

        return new PlanningStep(step, deadlines.Count, written,
            Stopwatch.GetElapsedTime(started, loaded), Stopwatch.GetElapsedTime(loaded, planned), Stopwatch.GetElapsedTime(planned, saved));
    }
}
