using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using Consultancy.Infrastructure.Identity;
using Consultancy.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace Consultancy.Tests.Support;

public sealed record TestUser(string Id, string Email, string Password, UserRole Role);

public static class TestUsers
{
    public const string Password = "Correct-Horse-42!";
    public const string AdminEmail = "owner@consultancy.test";
    public const string AdminPassword = "Owner-Password-42!";

    /// <summary>Creates a staff account and its profile the way the product does, with a known password.</summary>
    public static async Task<TestUser> CreateAsync(IServiceProvider services, string email, UserRole role = UserRole.Consultant,
        string timeZone = "America/New_York")
    {
        await using var scope = services.CreateSystemScope();
        var accounts = scope.ServiceProvider.GetRequiredService<IUserAccounts>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var id = await accounts.CreateAsync(email, role, Password, CancellationToken.None);
        db.UserProfiles.Add(new UserProfile(id, email, email.Split('@')[0], timeZone, role, DateTime.UtcNow));
        await db.SaveChangesAsync();
        return new TestUser(id, email, Password, role);
    }
}
