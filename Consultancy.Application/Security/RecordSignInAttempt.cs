using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using MediatR;

namespace Consultancy.Application.Security;

public enum SignInOutcome
{
    SignedIn,
    Failed,
    LockedOut,
}

/// <summary>Logs one attempt on the sign-in form under the address that was typed.</summary>
public sealed record RecordSignInAttempt(string Email, SignInOutcome Outcome) : IRequest<Unit>;

internal sealed class RecordSignInAttemptHandler(IAppDbContext db, SecurityLog log) : IRequestHandler<RecordSignInAttempt, Unit>
{
    public async Task<Unit> Handle(RecordSignInAttempt request, CancellationToken ct)
    {
        var (kind, detail) = request.Outcome switch
        {
            SignInOutcome.SignedIn => (SecurityEventKind.SignedIn, (string?)null),
            SignInOutcome.LockedOut => (SecurityEventKind.LockedOut, "the account is locked after too many failed sign-ins"),
            _ => (SecurityEventKind.SignInFailed, "wrong email or password, or a deactivated account"),
        };
        await log.RecordAsync(kind, subject: null, detail, ct, actor: request.Email.Trim().ToLowerInvariant());
        await db.SaveChangesAsync(ct);
        return Unit.Value;
    }
}
