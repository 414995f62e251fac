using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using FluentValidation;
using MediatR;

namespace Consultancy.Application.ProgramApplications;

/// <summary>
/// Sets an application's interview at a wall-clock time in the program's zone; the interview becomes a client deadline
/// at that moment, with the applicant's reminders (by default 7 days and 1 day before) and a place in the calendar feed.
/// </summary>
public sealed record ScheduleInterview : IRequest<int>
{
    public int Id { get; set; }
    public DateOnly? Date { get; set; }
    public TimeOnly? Time { get; set; }
    public InterviewFormat Format { get; set; }
}

internal sealed class ScheduleInterviewValidator : AbstractValidator<ScheduleInterview>
{
    public ScheduleInterviewValidator()
    {
        RuleFor(r => r.Date).NotNull().WithMessage("Give the interview's date.");
        RuleFor(r => r.Time).NotNull().WithMessage("Give the interview's start time, in the program's time zone.");
        RuleFor(r => r.Format).IsInEnum();
    }
}

internal sealed class ScheduleInterviewHandler(IAppDbContext db, InterviewPlanner planner) : IRequestHandler<ScheduleInterview, int>
{
    public async Task<int> Handle(ScheduleInterview request, CancellationToken ct)
    {
        var application = await db.ProgramApplications.GetForPlanningAsync(request.Id, ct);
        await using var transaction = await db.BeginTransactionAsync(ct);
        await planner.PlanRemindersAsync(planner.Schedule(application, request.Date!.Value, request.Time!.Value, request.Format), ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return application.ClientId;
    }
}
