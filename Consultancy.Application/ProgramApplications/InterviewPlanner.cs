using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Common.Mapping;
using Consultancy.Application.Common.Settings;
using Consultancy.Application.Domain;
using Consultancy.Application.Reminders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Consultancy.Application.ProgramApplications;

/// <summary>
/// Keeps the client deadlines an application drives in step with it: an invite opens a deadline to answer it (invites
/// fill within days), a scheduled interview is a deadline at its time with the applicant's reminders, and a rejected or
/// withdrawn application closes both. Callers load the application with its client and program, and save in a
/// transaction: the new deadlines are saved here first, so their reminders (keyed by the deadline) can be planned.
/// </summary>
public sealed class InterviewPlanner(IAppDbContext db, ReminderPlanner reminders, TimeProvider clock, IOptions<ProgramSettings> settings)
{
    /// <summary>Moves the application to <paramref name="status"/> and updates its deadlines.</summary>
    public async Task MoveAsync(ProgramApplication application, ApplicationStatus status, CancellationToken ct)
    {
        var client = application.Client!;
        var now = clock.GetUtcNow().UtcDateTime;
        var zone = TimeZones.Find(client.TimeZoneId);
        if (!application.MoveTo(status, LocalTimes.Today(now, zone), now)) return;
        await FollowAsync(application, now, ct);
    }

    /// <summary>Schedules the interview at a wall-clock time in the program's zone, with its reminders.</summary>
    public async Task ScheduleAsync(ProgramApplication application, DateOnly date, TimeOnly time, InterviewFormat format, CancellationToken ct)
    {
        var client = application.Client!;
        var program = application.Program!;
        var now = clock.GetUtcNow().UtcDateTime;
        var clientZone = TimeZones.Find(client.TimeZoneId);
        application.ScheduleInterview(date, time, format, TimeZones.Find(program.TimeZoneId), LocalTimes.Today(now, clientZone), now);
        await FollowAsync(application, now, ct);
    }

    /// <summary>Brings the application's deadlines in step with its status and interview, after they changed.</summary>
    public async Task FollowAsync(ProgramApplication application, CancellationToken ct) =>
        await FollowAsync(application, clock.GetUtcNow().UtcDateTime, ct);

    private async Task FollowAsync(ProgramApplication application, DateTime now, CancellationToken ct)
    {
        var client = application.Client!;
        var program = application.Program!;
        var zone = TimeZones.Find(client.TimeZoneId);
        var changed = new List<Deadline>();
        var invite = application.InviteDeadlineId is { } inviteId ? await db.Deadlines.SingleOrDefaultAsync(d => d.Id == inviteId, ct) : null;
        var interview = application.InterviewDeadlineId is { } interviewId ? await db.Deadlines.SingleOrDefaultAsync(d => d.Id == interviewId, ct) : null;

        if (application.Status == ApplicationStatus.InterviewInvited && invite is null)
        {
            var replyBy = TimeZoneInfo.ConvertTimeFromUtc(now.AddHours(settings.Value.InviteReplyHours), zone);
            invite = new Deadline(client, now)
            {
                Title = $"Answer the interview invite from {program.Name}",
                Category = DeadlineCategory.Interview,
                DueDate = DateOnly.FromDateTime(replyBy),
                DueTime = TimeOnly.FromDateTime(replyBy),
                ReminderOffsets = new ReminderOffsets([1, 0]),
                Notes = "Interview invites fill within days: answer with the dates that suit you.",
            };
            db.Deadlines.Add(invite);
            await db.SaveChangesAsync(ct);
            application.TrackInviteReply(invite);
            changed.Add(invite);
        }
        else if (invite is { IsOpen: true } && application.Status > ApplicationStatus.InterviewInvited)
        {
            if (application.IsActive) invite.Complete(now, null);
            else invite.Cancel(now, null);
            changed.Add(invite);
        }

        if (application.Status is ApplicationStatus.Rejected or ApplicationStatus.Withdrawn)
        {
            if (invite is { IsOpen: true }) { invite.Cancel(now, null); changed.Add(invite); }
            if (interview is { IsOpen: true }) { interview.Cancel(now, null); changed.Add(interview); }
        }
        else if (application.InterviewAtUtc is { } at)
        {
            var local = TimeZoneInfo.ConvertTimeFromUtc(at, zone);
            if (interview is null)
            {
                interview = new Deadline(client, now) { Category = DeadlineCategory.Interview, ReminderOffsets = settings.Value.InterviewReminderOffsets };
                db.Deadlines.Add(interview);
            }
            interview.Title = $"Interview: {program.Name} ({application.InterviewFormat?.DisplayName().ToLowerInvariant()})";
            interview.Notes = $"{application.InterviewDate:ddd d MMM yyyy} at {application.InterviewTime:HH:mm} {program.TimeZoneId} (the program's time).";
            interview.MoveByHand(DateOnly.FromDateTime(local));
            interview.DueTime = TimeOnly.FromDateTime(local);
            if (application.WasInterviewed && interview.IsOpen) interview.Complete(now, null);
            await db.SaveChangesAsync(ct);
            application.TrackInterview(interview);
            changed.Add(interview);
        }

        if (changed.Count > 0) await reminders.ReplanAsync(changed.Distinct().ToList(), ct);
    }
}
