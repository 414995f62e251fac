using Consultancy.Application.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Consultancy.Infrastructure.Persistence.Configurations;

internal sealed class DeadlineConfiguration : IEntityTypeConfiguration<Deadline>
{
    public void Configure(EntityTypeBuilder<Deadline> deadline)
    {
        deadline.Property(d => d.Title).HasMaxLength(200);
        deadline.Property(d => d.Notes).HasMaxLength(Deadline.NotesMaxLength);
        deadline.Property(d => d.ReminderOffsets).HasMaxLength(60)
            .HasConversion(
                offsets => string.Join(",", offsets.Items),
                text => ParseOffsets(text),
                new ValueComparer<ReminderOffsets>((a, b) => Equals(a, b), o => o.GetHashCode(), o => o));
        deadline.Property(d => d.Version).IsConcurrencyToken();
        deadline.Ignore(d => d.IsOpen);
        deadline.HasOne(d => d.Client).WithMany().HasForeignKey(d => d.ClientId).OnDelete(DeleteBehavior.Cascade);
        deadline.HasOne(d => d.StatusChangedBy).WithMany().HasForeignKey(d => d.StatusChangedById).OnDelete(DeleteBehavior.SetNull);
        deadline.HasOne(d => d.PlaybookItem).WithMany().HasForeignKey(d => d.PlaybookItemId).OnDelete(DeleteBehavior.SetNull);
        deadline.HasOne(d => d.Season).WithMany().HasForeignKey(d => d.SeasonId).OnDelete(DeleteBehavior.Restrict);
        // Applying a playbook twice creates nothing twice.
        deadline.HasIndex(d => new { d.ClientId, d.SeasonId, d.PlaybookItemId }).IsUnique();
        deadline.HasIndex(d => new { d.SeasonId, d.PlaybookItemId });
        deadline.HasIndex(d => new { d.ClientId, d.Status, d.DueAtUtc });
        deadline.HasIndex(d => new { d.Status, d.DueAtUtc });
    }

    private static ReminderOffsets ParseOffsets(string text) =>
        ReminderOffsets.TryParse(text, out var offsets) ? offsets : ReminderOffsets.Default;
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> message)
    {
        message.ToTable("OutboxMessages");
        message.Property(m => m.DedupKey).HasMaxLength(200);
        message.Property(m => m.Recipient).HasMaxLength(254);
        message.Property(m => m.Subject).HasMaxLength(300);
        message.Property(m => m.MessageId).HasMaxLength(300);
        message.Property(m => m.LastError).HasMaxLength(1000);
        message.Property(m => m.CancelReason).HasMaxLength(200);
        message.Ignore(m => m.IsPending);
        message.Ignore(m => m.ReminderOffset);
        message.HasOne(m => m.Client).WithMany().HasForeignKey(m => m.ClientId).OnDelete(DeleteBehavior.Cascade);
        message.HasOne(m => m.Deadline).WithMany().HasForeignKey(m => m.DeadlineId).OnDelete(DeleteBehavior.SetNull);
        message.HasOne(m => m.StrategyCall).WithMany().HasForeignKey(m => m.StrategyCallId).OnDelete(DeleteBehavior.SetNull);

        message.HasIndex(m => m.DedupKey).IsUnique();
        // The dispatcher's claim: pending rows in due order.
        message.HasIndex(m => new { m.Status, m.DueAt });
        message.HasIndex(m => m.DeadlineId);
        message.HasIndex(m => m.StrategyCallId);
        message.HasIndex(m => m.LockToken);
        message.HasIndex(m => new { m.ClientId, m.DueAt });
    }
}
