using Consultancy.Application.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Consultancy.Infrastructure.Persistence.Configurations;

internal sealed class LetterRequestConfiguration : IEntityTypeConfiguration<LetterRequest>
{
    public void Configure(EntityTypeBuilder<LetterRequest> letter)
    {
        letter.Property(l => l.RefereeName).HasMaxLength(150);
        letter.Property(l => l.RefereeEmail).HasMaxLength(254);
        letter.Property(l => l.RefereeTitle).HasMaxLength(150);
        letter.Property(l => l.Institution).HasMaxLength(200);
        letter.Property(l => l.Location).HasMaxLength(150);
        letter.Property(l => l.Relationship).HasMaxLength(300);
        letter.Property(l => l.Specialty).HasMaxLength(100);
        letter.Property(l => l.ErasLetterId).HasMaxLength(40);
        letter.Property(l => l.Notes).HasMaxLength(2000);
        letter.Property(l => l.DeclineReason).HasMaxLength(500);
        letter.Property(l => l.Version).IsConcurrencyToken();
        letter.Ignore(l => l.Title);
        letter.Ignore(l => l.IsActive);
        letter.Ignore(l => l.Counts);
        letter.Ignore(l => l.IsWaitingOnReferee);
        letter.Ignore(l => l.WantsFollowUps);
        letter.Ignore(l => l.NextByHand);
        letter.HasOne(l => l.Client).WithMany().HasForeignKey(l => l.ClientId).OnDelete(DeleteBehavior.Cascade);
        // Deleting the deadline by hand leaves the letter; the letter just stops driving it.
        letter.HasOne(l => l.Deadline).WithMany().HasForeignKey(l => l.DeadlineId).OnDelete(DeleteBehavior.SetNull);
        letter.HasMany<OutboxMessage>().WithOne(m => m.LetterRequest).HasForeignKey(m => m.LetterRequestId).OnDelete(DeleteBehavior.SetNull);

        letter.HasIndex(l => new { l.ClientId, l.DueDate });
        // The "letters waiting" page: open statuses in due order.
        letter.HasIndex(l => new { l.Status, l.DueDate });
    }
}

internal sealed class LetterRequestTemplateConfiguration : IEntityTypeConfiguration<LetterRequestTemplate>
{
    public void Configure(EntityTypeBuilder<LetterRequestTemplate> template)
    {
        template.Property(t => t.Subject).HasMaxLength(200);
        template.Property(t => t.Body).HasMaxLength(8000);
    }
}
