using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Consultancy.Infrastructure.Identity;

/// <summary>
/// One signed-in browser of a staff user. The sign-in cookie names its session, and the session is checked on every
/// request, so signing out ends it on the server: a copy of the cookie taken before is refused at once. A password
/// change or reset, a role change, a deactivation and "sign out everywhere" end the user's sessions the same way.
/// </summary>
public sealed class StaffSession
{
    public string Id { get; private set; } = "";
    public string UserId { get; private set; } = "";
    public DateTime StartedAt { get; private set; }
    public DateTime? EndedAt { get; private set; }

    private StaffSession() { }

    public StaffSession(string id, string userId, DateTime startedAt)
    {
        Id = id;
        UserId = userId;
        StartedAt = startedAt;
    }
}

internal sealed class StaffSessionConfiguration : IEntityTypeConfiguration<StaffSession>
{
    public void Configure(EntityTypeBuilder<StaffSession> session)
    {
        session.ToTable("StaffSessions");
        session.Property(s => s.Id).HasMaxLength(64);
        session.Property(s => s.UserId).HasMaxLength(450);
        session.HasOne<AppUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        session.HasIndex(s => s.UserId);
    }
}
