using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Common.Mapping;
using Consultancy.Application.Common.Settings;
using Consultancy.Application.Domain;
using Consultancy.Application.Reminders;
using Microsoft.Extensions.Options;

namespace Consultancy.Application.ProgramApplications;

/// <summary>
/// Keeps the client deadlines an application drives in step with it: an invite opens a deadline to answer it (invites
/// fill within days), a scheduled interview is a deadline at its time with the applicant's reminders, and a rejected or
/// withdrawn application closes both. Callers load the application with its client, program and both deadlines
/// (<see cref="ApplicationLookup"/>), collect the deadlines each change returns, and plan their reminders once with
/// <see cref="PlanRemindersAsync"/>, inside the transaction of the change.
/// </summary>
public sealed class InterviewPlanner(IAppDbContext db, ReminderPlanner reminders, TimeProvider clock, IOptions<ProgramSettings> settings)
{
    /// <summary>Moves the application to <paramref name="status"/>.</summary>
    /// <returns>The deadlines that changed or were opened.</returns>
    public IReadOnlyList<Deadline> Move(ProgramApplication application, ApplicationStatus status)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return application.MoveTo(status, LocalTimes.Today(now, TimeZones.Find(application.Client!.TimeZoneId)), now) ? Follow(application) : [];
    }

    /// <summary>Schedules the interview at a wall-clock time in the program's zone.</summary>
    /// <returns>The deadlines that changed or were opened.</returns>
    public IReadOnlyList<Deadline> Schedule(ProgramApplication application, DateOnly date, TimeOnly time, InterviewFormat format)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        application.ScheduleInterview(date, time, format, TimeZones.Find(application.Program!.TimeZoneId),
            LocalTimes.Today(now, TimeZones.Find(application.Client!.TimeZoneId)), now);
        return Follow(application);
    }

    /// <summary>Brings the application's deadlines in step with its status and interview, after they changed.</summary>
    /// <returns>The deadlines that changed or were opened.</returns>
    public IReadOnlyList<Deadline> Follow(ProgramApplication application)
    {
        var client = application.Client!;
        var program = application.Program!;
        var now = clock.GetUtcNow().UtcDateTime;
        var changed = new List<Deadline>();
        var invite = application.InviteDeadline;
        var interview = application.InterviewDeadline;

        if (application.Status == ApplicationStatus.InterviewInvited && invite is null)
        {
            var replyBy = TimeZoneInfo.ConvertTimeFromUtc(now.AddHours(settings.Value.InviteReplyHours), TimeZones.Find(client.TimeZoneId));
            invite = new Deadline(client, now)
            {
                Title = $"Answer the interview invite from {program.Name}",
                Category = DeadlineCategory.Interview,
                DueDate = DateOnly.FromDateTime(replyBy),
                DueTime = TimeOnly.FromDateTime(replyBy),
                ReminderOffsets = settings.Value.InviteReminderOffsets,
                Notes = "Interview invites fill within days: answer with the dates that suit you.",
            };
            db.Deadlines.Add(invite);
            application.TrackInviteReply(invite);
            changed.Add(invite);
        }
        else if (invite is { IsOpen: true } && application.Status > ApplicationStatus.InterviewInvited)
        {
            // Answered by scheduling or going on; a rejection or withdrawal cancels it instead.
            if (application.IsActive) invite.Complete(now, null);
            else invite.Cancel(now, null);
            changed.Add(invite);
        }

        if (application.Status is ApplicationStatus.Rejected or ApplicationStatus.Withdrawn)
        {
            if (interview is { IsOpen: true })
            {
                interview.Cancel(now, null);
                changed.Add(interview);
            }
        }
        else if (application.InterviewAtUtc is { } at)
        {
            var local = TimeZoneInfo.ConvertTimeFromUtc(at, TimeZones.Find(client.TimeZoneId));
            if (interview is null)
            {
                interview = new Deadline(client, now) { Category = DeadlineCategory.Interview, ReminderOffsets = settings.Value.InterviewReminderOffsets };
                db.Deadlines.Add(interview);
                application.TrackInterview(interview);
            }
            interview.Title = $"Interview: {program.Name} ({application.InterviewFormat?.DisplayName().ToLowerInvariant()})";
            interview.Notes = $"{application.InterviewDate:ddd d MMM yyyy} at {application.InterviewTime:HH:mm} {program.TimeZoneId} (the program's time).";
            interview.MoveByHand(DateOnly.FromDateTime(local));
            interview.DueTime = TimeOnly.FromDateTime(local);
            if (application.WasInterviewed && interview.IsOpen) interview.Complete(now, null);
            changed.Add(interview);
        }
        return changed;
    }

    /// <summary>Saves the changed deadlines (new ones get their ids) and plans their reminders; the caller saves again and commits.</summary>
    public async Task PlanRemindersAsync(IEnumerable<Deadline> changed, CancellationToken ct)
    {
        var deadlines = changed.Distinct().ToList();
        if (deadlines.Count == 0) return;
        await db.SaveChangesAsync(ct);
        await reminders.ReplanAsync(deadlines, ct);
    }
}
