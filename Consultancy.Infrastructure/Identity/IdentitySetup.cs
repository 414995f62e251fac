using Microsoft.AspNetCore.Identity;

namespace Consultancy.Infrastructure.Identity;

public static class IdentitySetup
{
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);
    public const int MaxFailedAttempts = 5;

    public static void Configure(IdentityOptions options)
    {
        options.Password.RequiredLength = 12;
        options.Password.RequireDigit = true;
        options.Password.RequireLowercase = true;
        options.Password.RequireUppercase = true;
        options.Password.RequireNonAlphanumeric = true;
        options.Password.RequiredUniqueChars = 5;
        options.Lockout.AllowedForNewUsers = true;
        options.Lockout.MaxFailedAccessAttempts = MaxFailedAttempts;
        options.Lockout.DefaultLockoutTimeSpan = LockoutDuration;
        options.User.RequireUniqueEmail = true;
        // What the Identity UI sets in the web app, stated here so every host (tools, tests, benchmarks) builds the model
        // the migrations were made from: on PostgreSQL these key columns are varchar(128), not text.
        options.Stores.MaxLengthForKeys = 128;
        // "Confirmed" means "active": see ActiveUserConfirmation.
        options.SignIn.RequireConfirmedAccount = true;
    }
}
