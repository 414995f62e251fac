using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Application.Security;

/// <summary>Whether every user must sign in with an authenticator code.</summary>
public sealed record GetTwoFactorRequirement : IRequest<bool>;

internal sealed class GetTwoFactorRequirementHandler(IAppDbContext db) : IRequestHandler<GetTwoFactorRequirement, bool>
{
    public async Task<bool> Handle(GetTwoFactorRequirement request, CancellationToken ct) =>
        await db.SecurityPolicies.Where(p => p.Id == SecurityPolicy.SingletonId).Select(p => p.RequireTwoFactor).SingleOrDefaultAsync(ct);
}
