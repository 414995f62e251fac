using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using Consultancy.Application.Reminders;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Application.Deadlines;

/// <summary>What a deadline's reminders are now, said after it was added, edited or reopened: how many are planned, or why none.</summary>
public sealed record GetDeadlineReminderPlan(int DeadlineId) : IRequest<DeadlineReminderPlan>;

/// <param name="Planned">Reminders waiting to go out.</param>
/// <param name="WhyNone">Why nothing is planned, when nothing is.</param>
public sealed record DeadlineReminderPlan(int Planned, string? WhyNone)
{
    /// <summary>"3 reminders planned", "no reminders: all dates have passed".</summary>
    public string Summary => Planned switch
    {
        0 => $"no reminders: {WhyNone}",
        1 => "1 reminder planned",
        _ => $"{Planned} reminders planned",
    };
}

internal sealed class GetDeadlineReminderPlanHandler(IAppDbContext db) : IRequestHandler<GetDeadlineReminderPlan, DeadlineReminderPlan>
{
    public async Task<DeadlineReminderPlan> Handle(GetDeadlineReminderPlan request, CancellationToken ct)
    {
        var deadline = await db.Deadlines.GetWithClientAsync(request.DeadlineId, ct);
        var planned = await db.OutboxMessages.CountAsync(m => m.DeadlineId == deadline.Id && m.Kind == OutboxKind.Reminder && m.Status == OutboxStatus.Pending, ct);
        if (planned > 0) return new DeadlineReminderPlan(planned, null);

        // Wanted but not planned: the planner plans no reminder whose time has already passed.
        var whyNone = ReminderPlanner.WhyNoReminders(deadline, deadline.Client!)
            ?? (deadline.ReminderOffsets.Items.Count == 0 ? "none chosen for this deadline" : "all dates have passed");
        return new DeadlineReminderPlan(0, whyNone);
    }
}
