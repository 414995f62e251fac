using Consultancy.Application.Domain;
using Consultancy.Application.Outbox;

namespace Consultancy.Application.Users;

/// <summary>Account mail (a password reset and the rest of the sign-in pages' mail), written when it is queued.</summary>
public sealed class AccountEmail : FixedEmail
{
    public override OutboxKind Kind => OutboxKind.Account;
}
