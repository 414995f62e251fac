using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Application.StrategyCalls;

/// <summary>
/// Plans a call's emails in the outbox, in the same save as the change to the call: the invite to the
/// applicant and the notice to the consultant for every version of the booking (keyed by its sequence), and
/// the applicant's reminders 24 hours and 1 hour before. They are written from the call at send time.
/// </summary>
public sealed class CallEmailPlanner(IAppDbContext db)
{
    public static readonly TimeSpan[] ReminderLeads = [TimeSpan.FromHours(24), TimeSpan.FromHours(1)];

    /// <summary>Manage links work until a week after the call.</summary>
    public static DateTime ManageLinkExpiry(StrategyCall call) => call.EndUtc.AddDays(7);

    public static string InviteKey(int callId, int sequence) => $"call:{callId}:invite:{sequence}";
    public static string NoticeKey(int callId, int sequence) => $"call:{callId}:notice:{sequence}";
    public static string ReminderKey(int callId, TimeSpan lead) => $"call:{callId}:before:{(int)lead.TotalHours}h";

    /// <summary>A new booking, a move, or a cancellation: the new version goes to both sides, and the reminders follow.</summary>
    public async Task ChangedAsync(StrategyCall call, DateTime now, CancellationToken ct)
    {
        var client = call.Client ?? await db.Clients.IgnoreQueryFilters().SingleAsync(c => c.Id == call.ClientId, ct);
        var consultantEmail = await db.UserProfiles.Where(u => u.Id == call.ConsultantId).Select(u => u.Email).SingleAsync(ct);

        db.OutboxMessages.Add(OutboxMessage.AboutCall(OutboxKind.CallInvite, InviteKey(call.Id, call.Sequence), call, client.Id, client.Email, now, now));
        // The consultant's copy is about the client but not to them: it names no client.
        db.OutboxMessages.Add(OutboxMessage.AboutCall(OutboxKind.CallNotice, NoticeKey(call.Id, call.Sequence), call, null, consultantEmail, now, now));
        await PlanRemindersAsync(call, client, now, ct);
    }

    private async Task PlanRemindersAsync(StrategyCall call, Client client, DateTime now, CancellationToken ct)
    {
        var keys = ReminderLeads.Select(lead => ReminderKey(call.Id, lead)).ToList();
        var existing = await db.OutboxMessages.IgnoreQueryFilters().Where(m => keys.Contains(m.DedupKey)).ToListAsync(ct);
        foreach (var lead in ReminderLeads)
        {
            var key = ReminderKey(call.Id, lead);
            var dueAt = call.StartUtc - lead;
            var reminder = existing.SingleOrDefault(m => m.DedupKey == key);
            var wanted = call.IsBooked && dueAt > now;
            if (reminder is null)
            {
                if (wanted) db.OutboxMessages.Add(OutboxMessage.AboutCall(OutboxKind.CallReminder, key, call, client.Id, client.Email, dueAt, now));
            }
            else if (reminder.Status != OutboxStatus.Sent)
            {
                if (wanted) reminder.Reschedule(dueAt);
                else reminder.CancelBecause(call.IsBooked ? "the call is less than that far away" : "the call was cancelled");
            }
        }
    }
}
