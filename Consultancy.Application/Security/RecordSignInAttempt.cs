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

/// <summary>Which step of signing in was tried: the password, or the second factor after it.</summary>
public enum SignInStep
{
    Password,
    AuthenticatorCode,
    RecoveryCode,
}

/// <summary>Logs one attempt on a sign-in form under the account's address (the one typed, on the password step).</summary>
public sealed record RecordSignInAttempt(string Email, SignInOutcome Outcome, SignInStep Step = SignInStep.Password) : IRequest<Unit>;

internal sealed class RecordSignInAttemptHandler(IAppDbContext db, SecurityLog log) : IRequestHandler<RecordSignInAttempt, Unit>
{
    public async Task<Unit> Handle(RecordSignInAttempt request, CancellationToken ct)
    {
        var (kind, detail) = (request.Outcome, request.Step) switch
        {
            (SignInOutcome.SignedIn, SignInStep.Password) => (SecurityEventKind.SignedIn, (string?)null),
            (SignInOutcome.SignedIn, SignInStep.AuthenticatorCode) => (SecurityEventKind.SignedIn, "with an authenticator code"),
            (SignInOutcome.SignedIn, _) => (SecurityEventKind.SignedIn, "with a recovery code"),
            (SignInOutcome.LockedOut, _) => (SecurityEventKind.LockedOut, "the account is locked after too many failed sign-ins"),
            (_, SignInStep.Password) => (SecurityEventKind.SignInFailed, "wrong email or password, or a deactivated account"),
            (_, SignInStep.AuthenticatorCode) => (SecurityEventKind.SignInFailed, "wrong authenticator code"),
            _ => (SecurityEventKind.SignInFailed, "wrong recovery code"),
        };
        await log.RecordAsync(kind, subject: null, detail, ct, actor: request.Email.Trim().ToLowerInvariant());
        await db.SaveChangesAsync(ct);
        return Unit.Value;
    }
}
