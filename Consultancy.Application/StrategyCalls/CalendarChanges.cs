using Consultancy.Application.Common.Interfaces;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Application.StrategyCalls;

internal static class CalendarChanges
{
    /// <summary>
    /// Saves a calendar change begun with <see cref="IAppDbContext.BeginCalendarChangeAsync"/>, queues its emails
    /// (after the first save, so a new call has its id) and commits. The store refusing the save means another call
    /// already holds that consultant and start (the unique index is the backstop behind the calendar check); the
    /// caller says what to answer: the applicant gets fresh times, staff the overlap message.
    /// </summary>
    public static async Task SaveCalendarChangeAsync(
        this IAppDbContext db, ITransaction transaction, Func<Task> queueEmails, Func<Exception> whenTaken, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            await queueEmails();
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw whenTaken();
        }
    }
}
