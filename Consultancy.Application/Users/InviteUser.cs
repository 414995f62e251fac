using System.ComponentModel.DataAnnotations;
using Consultancy.Application.Common;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using Consultancy.Application.Security;
using FluentValidation;
using MediatR;

namespace Consultancy.Application.Users;

/// <summary>Creates a staff account without a password and emails the person a link to choose one.</summary>
public sealed record InviteUser : IRequest<string>
{
    public string Email { get; set; } = "";
    [Display(Name = "Display name")] public string DisplayName { get; set; } = "";
    [Display(Name = "Time zone")] public string TimeZoneId { get; set; } = "America/New_York";
    public UserRole Role { get; set; } = UserRole.Consultant;
}

internal sealed class InviteUserValidator : AbstractValidator<InviteUser>
{
    public InviteUserValidator(IUserAccounts accounts)
    {
        // Stops at the first failure: an empty or malformed address is not looked up (and an empty field binds as null).
        RuleFor(u => u.Email).Cascade(CascadeMode.Stop).SingleLine().NotEmpty().WithMessage("Enter the person's email address.")
            .MaximumLength(254).MailAddress("Enter a valid email address, like name@example.com.")
            .MustAsync(async (email, ct) => !await accounts.EmailInUseAsync(email, ct))
            .WithMessage("A user with this email address already exists.");
        this.DisplayNameRule(u => u.DisplayName);
        this.TimeZoneRule(u => u.TimeZoneId);
        RuleFor(u => u.Role).IsInEnum().WithMessage("Choose a role from the list.");
    }
}

internal sealed class InviteUserHandler(IAppDbContext db, IUserAccounts accounts, ICurrentUser user, TimeProvider clock, SecurityLog log)
    : IRequestHandler<InviteUser, string>
{
    public async Task<string> Handle(InviteUser request, CancellationToken ct)
    {
        user.EnsureAdmin();
        var address = request.Email.Trim();
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.BeginTransactionAsync(ct);
        var userId = await accounts.CreateAsync(address, request.Role, password: null, ct);
        db.UserProfiles.Add(new UserProfile(userId, address.ToLowerInvariant(), request.DisplayName.Trim(),
            request.TimeZoneId, request.Role, now));

        var link = await accounts.CreateSetPasswordLinkAsync(userId, ct);
        db.OutboxMessages.Add(OutboxMessage.Fixed(OutboxKind.Invitation, $"invitation:{userId}", address, "You're invited to Consultancy",
            $"""
            Hello {request.DisplayName.Trim()},

            You have been given a {request.Role.ToString().ToLowerInvariant()} account on Consultancy.
            Choose your password here to sign in:

            {link}

            Your sign-in email is {address}.
            """, htmlBody: null, now));
        await log.RecordAsync(SecurityEventKind.UserInvited, address.ToLowerInvariant(), $"as {request.Role}", ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return userId;
    }
}
