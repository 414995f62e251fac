using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using MediatR;

namespace Consultancy.Application.ProgramApplications;

/// <summary>
/// Moves one application to a status, dated and on the client's timeline. An invite opens a deadline to answer it;
/// Rejected and Withdrawn close the application's open deadlines, which stops their reminders.
/// </summary>
public sealed record ChangeApplicationStatus(int Id, ApplicationStatus Status) : IRequest<int>;

internal sealed class ChangeApplicationStatusHandler(IAppDbContext db, InterviewPlanner planner) : IRequestHandler<ChangeApplicationStatus, int>
{
    public async Task<int> Handle(ChangeApplicationStatus request, CancellationToken ct)
    {
        var application = await db.ProgramApplications.GetForPlanningAsync(request.Id, ct);
        await using var transaction = await db.BeginTransactionAsync(ct);
        await planner.PlanRemindersAsync(planner.Move(application, request.Status), ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return application.ClientId;
    }
}
