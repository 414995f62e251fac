using Microsoft.AspNetCore.Identity;

namespace Consultancy.Infrastructure.Identity;

/// <summary>The sign-in account. The person behind it is described by its <c>UserProfile</c> (same id).</summary>
public sealed class AppUser : IdentityUser;
