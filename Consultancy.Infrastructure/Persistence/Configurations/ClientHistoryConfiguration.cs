using Consultancy.Application.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Consultancy.Infrastructure.Persistence.Configurations;

internal sealed class ClientNoteConfiguration : IEntityTypeConfiguration<ClientNote>
{
    public void Configure(EntityTypeBuilder<ClientNote> note)
    {
        note.Property(n => n.Body).HasMaxLength(4000);
        note.HasOne(n => n.Author).WithMany().HasForeignKey(n => n.AuthorId).OnDelete(DeleteBehavior.SetNull);
        note.HasIndex(n => new { n.ClientId, n.CreatedAt });
    }
}

internal sealed class ClientStageChangeConfiguration : IEntityTypeConfiguration<ClientStageChange>
{
    public void Configure(EntityTypeBuilder<ClientStageChange> change)
    {
        change.HasOne(s => s.ChangedBy).WithMany().HasForeignKey(s => s.ChangedById).OnDelete(DeleteBehavior.SetNull);
        change.HasIndex(s => new { s.ClientId, s.ChangedAt });
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> entry)
    {
        entry.Property(a => a.EntityType).HasMaxLength(100);
        entry.Property(a => a.EntityId).HasMaxLength(100);
        entry.HasOne(a => a.Client).WithMany().HasForeignKey(a => a.ClientId).OnDelete(DeleteBehavior.Cascade);
        entry.HasOne(a => a.User).WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.SetNull);
        entry.ComplexCollection(a => a.Changes, changes => changes.ToJson());
        entry.HasIndex(a => new { a.ClientId, a.At });
    }
}

internal sealed class UserProfileConfiguration : IEntityTypeConfiguration<UserProfile>
{
    public void Configure(EntityTypeBuilder<UserProfile> profile)
    {
        profile.Property(u => u.Id).HasMaxLength(450);
        profile.Property(u => u.Email).HasMaxLength(256);
        profile.Property(u => u.DisplayName).HasMaxLength(100);
        profile.Property(u => u.TimeZoneId).HasMaxLength(64);
        profile.HasOne<Identity.AppUser>().WithOne().HasForeignKey<UserProfile>(u => u.Id).OnDelete(DeleteBehavior.Cascade);
        profile.HasIndex(u => u.Email).IsUnique();
        profile.Property(u => u.CalendarFeedToken).HasMaxLength(64);
        profile.HasIndex(u => u.CalendarFeedToken).IsUnique();
    }
}

internal sealed class SecurityEventConfiguration : IEntityTypeConfiguration<SecurityEvent>
{
    public void Configure(EntityTypeBuilder<SecurityEvent> log)
    {
        log.Property(e => e.Actor).HasMaxLength(SecurityEvent.TextLength);
        log.Property(e => e.Subject).HasMaxLength(SecurityEvent.TextLength);
        log.Property(e => e.Detail).HasMaxLength(SecurityEvent.TextLength);
        log.Property(e => e.IpAddress).HasMaxLength(SecurityEvent.TextLength);
        log.HasIndex(e => e.At);
    }
}

internal sealed class SecurityPolicyConfiguration : IEntityTypeConfiguration<SecurityPolicy>
{
    public void Configure(EntityTypeBuilder<SecurityPolicy> policy)
    {
        policy.Property(p => p.Id).ValueGeneratedNever();
        policy.HasData(new { Id = SecurityPolicy.SingletonId, RequireTwoFactor = false });
    }
}
