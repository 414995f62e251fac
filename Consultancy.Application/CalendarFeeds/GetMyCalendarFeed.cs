using Consultancy.Application.Common;
using Consultancy.Application.Common.Interfaces;
using MediatR;

namespace Consultancy.Application.CalendarFeeds;

/// <summary>The signed-in user's calendar feed token, or null if they have not created one.</summary>
public sealed record GetMyCalendarFeed : IRequest<string?>;

internal sealed class GetMyCalendarFeedHandler(IAppDbContext db, ICurrentUser user) : IRequestHandler<GetMyCalendarFeed, string?>
{
    public async Task<string?> Handle(GetMyCalendarFeed request, CancellationToken ct) =>
        (await db.MyProfileAsync(user, ct)).CalendarFeedToken;
}
