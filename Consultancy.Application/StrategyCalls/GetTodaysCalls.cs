using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Application.StrategyCalls;

/// <summary>
/// The booked calls of today in the viewer's own time zone (which the caller knows from the sign-in), in their
/// caseload, earliest first.
/// </summary>
public sealed record GetTodaysCalls(string TimeZoneId) : IRequest<IReadOnlyList<CallListItem>>;

internal sealed class GetTodaysCallsHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<GetTodaysCalls, IReadOnlyList<CallListItem>>
{
    public async Task<IReadOnlyList<CallListItem>> Handle(GetTodaysCalls request, CancellationToken ct)
    {
        var zone = TimeZones.Find(request.TimeZoneId);
        var today = LocalTimes.Today(clock.GetUtcNow().UtcDateTime, zone);
        var from = LocalTimes.ToUtc(today.ToDateTime(TimeOnly.MinValue), zone);
        var to = LocalTimes.ToUtc(today.AddDays(1).ToDateTime(TimeOnly.MinValue), zone);
        var calls = db.StrategyCalls.Where(c => c.Status == CallStatus.Booked && c.StartUtc >= from && c.StartUtc < to);
        // A consultant's own day, even if they also see calls of clients they own with someone else.
        if (!user.SeesAllClients) calls = calls.Where(c => c.ConsultantId == user.UserId);
        return await calls.OrderBy(c => c.StartUtc)
            .Select(CallListItem.FromCall)
            .ToListAsync(ct);
    }
}
