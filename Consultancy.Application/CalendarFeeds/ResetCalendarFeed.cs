using Consultancy.Application.Common;
using Consultancy.Application.Common.Interfaces;
using MediatR;

namespace Consultancy.Application.CalendarFeeds;

/// <summary>Gives the signed-in user a new private calendar feed address; the old one stops working.</summary>
public sealed record ResetCalendarFeed : IRequest<string>;

internal sealed class ResetCalendarFeedHandler(IAppDbContext db, ICurrentUser user) : IRequestHandler<ResetCalendarFeed, string>
{
    public async Task<string> Handle(ResetCalendarFeed request, CancellationToken ct)
    {
        var profile = await db.MyProfileAsync(user, ct);
        var token = profile.ResetCalendarFeed();
        await db.SaveChangesAsync(ct);
        return token;
    }
}
