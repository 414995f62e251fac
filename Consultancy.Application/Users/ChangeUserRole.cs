using Consultancy.Application.Common;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using Consultancy.Application.Security;
using FluentValidation;
using MediatR;

namespace Consultancy.Application.Users;

public sealed record ChangeUserRole(string UserId, UserRole Role) : IRequest<Unit>;

internal sealed class ChangeUserRoleValidator : AbstractValidator<ChangeUserRole>
{
    public ChangeUserRoleValidator() => RuleFor(r => r.Role).IsInEnum().WithMessage("Choose a role from the list.");
}

internal sealed class ChangeUserRoleHandler(IAppDbContext db, IUserAccounts accounts, ICurrentUser user, SecurityLog log)
    : IRequestHandler<ChangeUserRole, Unit>
{
    public async Task<Unit> Handle(ChangeUserRole request, CancellationToken ct)
    {
        user.EnsureAdmin();
        var profile = await db.FindProfileAsync(request.UserId, ct);
        if (profile.Role == request.Role) return Unit.Value;
        if (profile.Role == UserRole.Admin) await db.EnsureAnotherActiveAdminAsync(profile.Id, ct);

        await using var transaction = await db.BeginTransactionAsync(ct);
        await log.RecordAsync(SecurityEventKind.RoleChanged, profile.Email, $"{profile.Role} → {request.Role}", ct);
        profile.Role = request.Role;
        await db.SaveChangesAsync(ct);
        await accounts.SetRoleAsync(profile.Id, request.Role, ct);
        await accounts.InvalidateSessionsAsync(profile.Id, ct);
        await transaction.CommitAsync(ct);
        return Unit.Value;
    }
}
