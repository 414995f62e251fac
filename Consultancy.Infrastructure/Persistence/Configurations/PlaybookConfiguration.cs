using Consultancy.Application.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Consultancy.Infrastructure.Persistence.Configurations;

internal sealed class SeasonConfiguration : IEntityTypeConfiguration<Season>
{
    public void Configure(EntityTypeBuilder<Season> season)
    {
        season.Property(s => s.Name).HasMaxLength(50);
        season.HasIndex(s => s.Name).IsUnique();
        season.HasMany(s => s.KeyDates).WithOne().HasForeignKey(k => k.SeasonId).OnDelete(DeleteBehavior.Cascade);
        season.HasMany(s => s.SignalLimits).WithOne().HasForeignKey(l => l.SeasonId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SeasonKeyDateConfiguration : IEntityTypeConfiguration<SeasonKeyDate>
{
    public void Configure(EntityTypeBuilder<SeasonKeyDate> keyDate)
    {
        keyDate.Property(k => k.Key).HasMaxLength(60);
        keyDate.Property(k => k.Name).HasMaxLength(100);
        keyDate.Property(k => k.Source).HasMaxLength(200);
        keyDate.HasIndex(k => new { k.SeasonId, k.Key }).IsUnique();
    }
}

internal sealed class SeasonPlanRunConfiguration : IEntityTypeConfiguration<SeasonPlanRun>
{
    public void Configure(EntityTypeBuilder<SeasonPlanRun> run)
    {
        run.Property(r => r.Id).ValueGeneratedNever();
        run.Property(r => r.SeasonName).HasMaxLength(50);
    }
}

internal sealed class PlaybookConfiguration : IEntityTypeConfiguration<Playbook>
{
    public void Configure(EntityTypeBuilder<Playbook> playbook)
    {
        playbook.Property(p => p.Name).HasMaxLength(100);
        playbook.HasIndex(p => p.System).IsUnique();
        playbook.HasMany(p => p.Items).WithOne().HasForeignKey(i => i.PlaybookId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PlaybookItemConfiguration : IEntityTypeConfiguration<PlaybookItem>
{
    public void Configure(EntityTypeBuilder<PlaybookItem> item)
    {
        item.Property(i => i.Title).HasMaxLength(200);
        item.Property(i => i.AnchorKey).HasMaxLength(60);
        item.Property(i => i.Description).HasMaxLength(2000);
    }
}
