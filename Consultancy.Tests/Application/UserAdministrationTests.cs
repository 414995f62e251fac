using Consultancy.Application.Common.Exceptions;
using Consultancy.Application.Domain;
using Consultancy.Application.Users;
using Consultancy.Infrastructure.Identity;
using Consultancy.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Consultancy.Tests.Application;

public sealed class UserAdministrationTests : IAsyncLifetime
{
    private ApplicationHarness _app = null!;
    private TestUser _admin = null!;

    public async Task InitializeAsync()
    {
        _app = await ApplicationHarness.StartAsync();
        _admin = await _app.AdminAsync();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Inviting_a_consultant_creates_the_account_and_emails_a_set_password_link()
    {
        var id = await _app.SendAsync(_admin, new InviteUser
        {
            Email = "Nadia@Consultancy.test", DisplayName = "Nadia Rahman", TimeZoneId = "America/Chicago", Role = UserRole.Consultant,
        });

        var profile = await _app.QueryAsync(db => db.UserProfiles.SingleAsync(u => u.Id == id));
        Assert.Equal(("nadia@consultancy.test", "Nadia Rahman", "America/Chicago", UserRole.Consultant, true),
            (profile.Email, profile.DisplayName, profile.TimeZoneId, profile.Role, profile.IsActive));

        var outbox = await _app.QueryAsync(db => db.OutboxMessages.SingleAsync());
        Assert.Equal((OutboxKind.Invitation, OutboxStatus.Pending), (outbox.Kind, outbox.Status));
        var preview = await _app.SendAsync(_admin, new Consultancy.Application.Outbox.PreviewOutboxMessage(outbox.Id));
        Assert.Contains("[personal link hidden]", preview.Email!.TextBody);
        Assert.DoesNotContain("ResetPassword", preview.Email.TextBody);
        Assert.Equal(1, (await _app.DispatchAsync()).Sent);
        var mail = Assert.Single(Directory.GetFiles(_app.MailDirectory, "*.eml"));
        var message = await MimeMessage.LoadAsync(mail);
        Assert.Equal("Nadia@Consultancy.test", message.To.Mailboxes.Single().Address);
        Assert.Contains("https://crm.consultancy.test/Identity/Account/ResetPassword?code=", message.TextBody);

        await using var scope = _app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var account = await users.FindByIdAsync(id);
        Assert.False(await users.HasPasswordAsync(account!));
        Assert.True(await users.IsInRoleAsync(account!, Roles.Consultant));
    }

    [Fact]
    public async Task An_invitation_to_an_existing_email_or_with_a_bad_time_zone_is_refused()
    {
        var error = await Assert.ThrowsAsync<ValidationException>(() => _app.SendAsync(_admin, new InviteUser
        {
            Email = TestUsers.AdminEmail, DisplayName = "", TimeZoneId = "Nowhere/Special",
        }));
        Assert.Equal(["DisplayName", "Email", "TimeZoneId"], error.Errors.Keys.Order());
        Assert.Equal(1, await _app.QueryAsync(db => db.UserProfiles.CountAsync()));
    }

    [Fact]
    public async Task Consultants_cannot_manage_users()
    {
        var consultant = await _app.ConsultantAsync("c@consultancy.test");
        await Assert.ThrowsAsync<ForbiddenException>(() => _app.SendAsync(consultant, new GetUserList()));
        await Assert.ThrowsAsync<ForbiddenException>(() => _app.SendAsync(consultant, new InviteUser { Email = "x@y.test", DisplayName = "X", TimeZoneId = "UTC" }));
        await Assert.ThrowsAsync<ForbiddenException>(() => _app.SendAsync(consultant, new ChangeUserRole(consultant.Id, UserRole.Admin)));
        await Assert.ThrowsAsync<ForbiddenException>(() => _app.SendAsync(consultant, new SetUserActive(_admin.Id, false)));
    }

    [Fact]
    public async Task A_deactivated_user_cannot_sign_in_and_keeps_their_clients_until_reactivated()
    {
        var consultant = await _app.ConsultantAsync("leaving@consultancy.test");
        var clientId = await _app.SendAsync(consultant, ClientBuilder.NewClient());

        await _app.SendAsync(_admin, new SetUserActive(consultant.Id, false));

        Assert.False(await CanSignInAsync(consultant));
        Assert.Equal(consultant.Id, await _app.QueryAsync(db => db.Clients.Where(c => c.Id == clientId).Select(c => c.ConsultantId).SingleAsync()));
        await _app.SendAsync(_admin, new SetUserActive(consultant.Id, true));
        Assert.True(await CanSignInAsync(consultant));
    }

    [Fact]
    public async Task The_last_active_admin_can_be_neither_demoted_nor_deactivated()
    {
        await Assert.ThrowsAsync<ValidationException>(() => _app.SendAsync(_admin, new ChangeUserRole(_admin.Id, UserRole.Consultant)));
        await Assert.ThrowsAsync<ValidationException>(() => _app.SendAsync(_admin, new SetUserActive(_admin.Id, false)));

        var second = await _app.ConsultantAsync("second@consultancy.test");
        await _app.SendAsync(_admin, new ChangeUserRole(second.Id, UserRole.Admin));
        await _app.SendAsync(_admin, new ChangeUserRole(_admin.Id, UserRole.Consultant));

        var roles = await _app.QueryAsync(db => db.UserProfiles.OrderBy(u => u.Email).Select(u => u.Role).ToListAsync());
        Assert.Equal([UserRole.Consultant, UserRole.Admin], roles);
    }

    [Fact]
    public async Task Users_can_change_their_own_display_name_and_time_zone()
    {
        var consultant = await _app.ConsultantAsync("me@consultancy.test");
        await _app.SendAsync(consultant, new UpdateMyProfile { DisplayName = "Dr. Me", TimeZoneId = "Europe/London" });

        Assert.Equal(new UpdateMyProfile { DisplayName = "Dr. Me", TimeZoneId = "Europe/London" }, await _app.SendAsync(consultant, new GetMyProfile()));
        await Assert.ThrowsAsync<ValidationException>(() => _app.SendAsync(consultant, new UpdateMyProfile { DisplayName = "Me", TimeZoneId = "GMT Standard Time" }));
    }

    [Fact]
    public async Task The_first_admin_is_created_once_with_a_generated_password_when_none_is_configured()
    {
        await using var fresh = await ApplicationHarness.StartAsync();
        // The harness configured an admin; a second start with another email creates nothing more.
        var second = await fresh.SendAsync(null, new EnsureAdminAccount("other@consultancy.test", null, "UTC"));
        Assert.Null(second);

        await fresh.QueryAsync(async db =>
        {
            db.UserProfiles.RemoveRange(db.UserProfiles);
            db.Users.RemoveRange(db.Users);
            return await db.SaveChangesAsync();
        });
        var generated = await fresh.SendAsync(null, new EnsureAdminAccount("admin@localhost", null, "UTC"));

        Assert.NotNull(generated);
        Assert.True(generated.Length >= 20);
        await using var scope = fresh.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var admin = await users.FindByEmailAsync("admin@localhost");
        Assert.True(await users.CheckPasswordAsync(admin!, generated));
        Assert.True(await users.IsInRoleAsync(admin!, Roles.Admin));
    }

    private async Task<bool> CanSignInAsync(TestUser user)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var confirmation = scope.ServiceProvider.GetRequiredService<IUserConfirmation<AppUser>>();
        var account = await users.FindByIdAsync(user.Id);
        return await confirmation.IsConfirmedAsync(users, account!) && await users.CheckPasswordAsync(account!, user.Password);
    }
}
