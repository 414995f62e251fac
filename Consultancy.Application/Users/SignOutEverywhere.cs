using Consultancy.Application.Common.Exceptions;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using Consultancy.Application.Security;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Application.Users;

/// <summary>
/// Ends every session of the signed-in user, on every device (a lost phone, a shared computer), including the one
/// asking; logged in the security log.
/// </summary>
public sealed record SignOutEverywhere : IRequest<Unit>;

internal sealed class SignOutEverywhereHandler(IAppDbContext db, ICurrentUser user, IUserAccounts accounts, SecurityLog log)
    : IRequestHandler<SignOutEverywhere, Unit>
{
    public async Task<Unit> Handle(SignOutEverywhere request, CancellationToken ct)
    {
        var email = await db.UserProfiles.Where(u => u.Id == user.UserId).Select(u => u.Email).SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException("User", user.UserId ?? "(anonymous)");
        await accounts.InvalidateSessionsAsync(user.UserId!, ct);
        await log.RecordAsync(SecurityEventKind.SignedOutEverywhere, email, null, ct);
        await db.SaveChangesAsync(ct);
        return Unit.Value;
    }
}
