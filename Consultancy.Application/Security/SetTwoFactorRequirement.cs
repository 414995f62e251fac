using Consultancy.Application.Common;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Application.Security;

/// <summary>Turns the "two-factor for everyone" rule on or off (admins only; logged).</summary>
public sealed record SetTwoFactorRequirement(bool Required) : IRequest<Unit>;

internal sealed class SetTwoFactorRequirementHandler(IAppDbContext db, ICurrentUser user, SecurityLog log, TimeProvider clock)
    : IRequestHandler<SetTwoFactorRequirement, Unit>
{
    public async Task<Unit> Handle(SetTwoFactorRequirement request, CancellationToken ct)
    {
        user.EnsureAdmin();
        var policy = await db.SecurityPolicies.SingleAsync(p => p.Id == SecurityPolicy.SingletonId, ct);
        if (policy.RequireTwoFactor == request.Required) return Unit.Value;
        policy.SetRequireTwoFactor(request.Required, clock.GetUtcNow().UtcDateTime);
        await log.RecordAsync(SecurityEventKind.TwoFactorRuleChanged, subject: "all users",
            request.Required ? "two-factor sign-in required" : "two-factor sign-in optional", ct);
        await db.SaveChangesAsync(ct);
        return Unit.Value;
    }
}
