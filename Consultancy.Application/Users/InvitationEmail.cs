using Consultancy.Application.Domain;
using Consultancy.Application.Outbox;

namespace Consultancy.Application.Users;

/// <summary>A new user's invitation with a set-password link, written when they are invited (<see cref="InviteUser"/>).</summary>
public sealed class InvitationEmail : FixedEmail
{
    public override OutboxKind Kind => OutboxKind.Invitation;
}
