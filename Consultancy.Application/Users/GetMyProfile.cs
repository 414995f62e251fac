using Consultancy.Application.Common.Exceptions;
using Consultancy.Application.Common.Interfaces;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Application.Users;

public sealed record GetMyProfile : IRequest<UpdateMyProfile>;

internal sealed class GetMyProfileHandler(IAppDbContext db, ICurrentUser user) : IRequestHandler<GetMyProfile, UpdateMyProfile>
{
    public async Task<UpdateMyProfile> Handle(GetMyProfile request, CancellationToken ct) =>
        await db.UserProfiles.Where(u => u.Id == user.UserId)
            .Select(u => new UpdateMyProfile { DisplayName = u.DisplayName, TimeZoneId = u.TimeZoneId, DailyDigest = !u.DigestOptedOut })
            .SingleOrDefaultAsync(ct)
        ?? throw new NotFoundException("User", user.UserId ?? "(anonymous)");
}
