using Consultancy.Application.Common;
using Consultancy.Application.Common.Exceptions;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using Consultancy.Application.Security;
using MediatR;

namespace Consultancy.Application.Users;

/// <summary>Deactivates (cannot sign in; clients stay assigned until reassigned) or reactivates a user.</summary>
public sealed record SetUserActive(string UserId, bool Active) : IRequest<Unit>;

internal sealed class SetUserActiveHandler(IAppDbContext db, IUserAccounts accounts, ICurrentUser user, SecurityLog log)
    : IRequestHandler<SetUserActive, Unit>
{
    public async Task<Unit> Handle(SetUserActive request, CancellationToken ct)
    {
        user.EnsureAdmin();
        var profile = await db.FindProfileAsync(request.UserId, ct);
        if (request.Active)
        {
            if (profile.IsActive) return Unit.Value;
            profile.Reactivate();
            await log.RecordAsync(SecurityEventKind.UserReactivated, profile.Email, detail: null, ct);
            await db.SaveChangesAsync(ct);
            return Unit.Value;
        }

        if (profile.Id == user.UserId) throw new ValidationException("", "You cannot deactivate your own account.");
        await db.EnsureAnotherActiveAdminAsync(profile.Id, ct);
        await using var transaction = await db.BeginTransactionAsync(ct);
        profile.Deactivate();
        await log.RecordAsync(SecurityEventKind.UserDeactivated, profile.Email, detail: null, ct);
        await db.SaveChangesAsync(ct);
        await accounts.InvalidateSessionsAsync(profile.Id, ct);
        await transaction.CommitAsync(ct);
        return Unit.Value;
    }
}
