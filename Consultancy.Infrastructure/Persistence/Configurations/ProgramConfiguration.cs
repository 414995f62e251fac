using Consultancy.Application.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Consultancy.Infrastructure.Persistence.Configurations;

internal sealed class ResidencyProgramConfiguration : IEntityTypeConfiguration<ResidencyProgram>
{
    public void Configure(EntityTypeBuilder<ResidencyProgram> program)
    {
        program.Property(p => p.Name).HasMaxLength(200);
        program.Property(p => p.Institution).HasMaxLength(200);
        program.Property(p => p.Specialty).HasMaxLength(100);
        program.Property(p => p.City).HasMaxLength(100);
        program.Property(p => p.StateOrProvince).HasMaxLength(100);
        program.Property(p => p.Country).HasMaxLength(100);
        program.Property(p => p.Identifier).HasMaxLength(40);
        program.Property(p => p.TimeZoneId).HasMaxLength(64);
        program.Property(p => p.Website).HasMaxLength(500);
        program.Property(p => p.Notes).HasMaxLength(4000);
        program.Property(p => p.SearchText).HasMaxLength(800).UsePropertyAccessMode(PropertyAccessMode.Property);
        program.Property(p => p.Version).IsConcurrencyToken();
        program.HasOne(p => p.VerifiedBy).WithMany().HasForeignKey(p => p.VerifiedById).OnDelete(DeleteBehavior.SetNull);

        // The directory's order and its common filters; the identifier is unique within a system when given. The name
        // order carries the search text, so a text search and its count read this narrow index, not the wide rows.
        program.HasIndex(p => new { p.Specialty, p.Name, p.Id });
        program.HasIndex(p => new { p.Name, p.Id, p.SearchText });
        program.HasIndex(p => new { p.StateOrProvince, p.Name });
        program.HasIndex(p => new { p.System, p.Identifier }).IsUnique();
    }
}

internal sealed class ClinicalExperienceConfiguration : IEntityTypeConfiguration<ClinicalExperience>
{
    public void Configure(EntityTypeBuilder<ClinicalExperience> experience)
    {
        experience.Property(e => e.Place).HasMaxLength(200);
        experience.HasOne(e => e.Client).WithMany(c => c.ClinicalExperiences).HasForeignKey(e => e.ClientId).OnDelete(DeleteBehavior.Cascade);
        experience.HasIndex(e => e.ClientId);
    }
}

internal sealed class ProgramApplicationConfiguration : IEntityTypeConfiguration<ProgramApplication>
{
    public void Configure(EntityTypeBuilder<ProgramApplication> application)
    {
        application.Property(a => a.Season).HasMaxLength(50);
        application.Property(a => a.RedFlags).HasMaxLength(1000);
        application.Property(a => a.Notes).HasMaxLength(2000);
        application.Property(a => a.Version).IsConcurrencyToken();
        application.Ignore(a => a.IsActive);
        application.Ignore(a => a.WasInterviewed);
        application.HasOne(a => a.Client).WithMany(c => c.Applications).HasForeignKey(a => a.ClientId).OnDelete(DeleteBehavior.Cascade);
        // A program in use by an application stays in the directory.
        application.HasOne(a => a.Program).WithMany().HasForeignKey(a => a.ProgramId).OnDelete(DeleteBehavior.Restrict);
        application.HasOne(a => a.InviteDeadline).WithMany().HasForeignKey(a => a.InviteDeadlineId).OnDelete(DeleteBehavior.SetNull);
        application.HasOne(a => a.InterviewDeadline).WithMany().HasForeignKey(a => a.InterviewDeadlineId).OnDelete(DeleteBehavior.SetNull);
        application.HasMany(a => a.Scores).WithOne().HasForeignKey(s => s.ApplicationId).OnDelete(DeleteBehavior.Cascade);

        application.HasIndex(a => new { a.ClientId, a.Season, a.ProgramId }).IsUnique();
        application.HasIndex(a => a.ProgramId);
        // The dashboard's "interviews this week" across the caseload.
        application.HasIndex(a => a.InterviewAtUtc);
    }
}

internal sealed class InterviewCriterionConfiguration : IEntityTypeConfiguration<InterviewCriterion>
{
    public void Configure(EntityTypeBuilder<InterviewCriterion> criterion) =>
        criterion.Property(c => c.Name).HasMaxLength(100);
}

internal sealed class InterviewScoreConfiguration : IEntityTypeConfiguration<InterviewScore>
{
    public void Configure(EntityTypeBuilder<InterviewScore> score)
    {
        score.HasOne(s => s.Client).WithMany().HasForeignKey(s => s.ClientId).OnDelete(DeleteBehavior.Cascade);
        score.HasOne(s => s.Criterion).WithMany().HasForeignKey(s => s.CriterionId).OnDelete(DeleteBehavior.Cascade);
        score.HasIndex(s => new { s.ApplicationId, s.CriterionId }).IsUnique();
    }
}

internal sealed class RankOrderListConfiguration : IEntityTypeConfiguration<RankOrderList>
{
    public void Configure(EntityTypeBuilder<RankOrderList> list)
    {
        list.Property(l => l.Season).HasMaxLength(50);
        list.Ignore(l => l.Current);
        list.Ignore(l => l.Order);
        list.Ignore(l => l.IsCertified);
        list.HasOne(l => l.Client).WithMany().HasForeignKey(l => l.ClientId).OnDelete(DeleteBehavior.Cascade);
        list.HasOne(l => l.CertifiedBy).WithMany().HasForeignKey(l => l.CertifiedById).OnDelete(DeleteBehavior.SetNull);
        list.HasMany(l => l.Revisions).WithOne().HasForeignKey(r => r.RankListId).OnDelete(DeleteBehavior.Cascade);
        list.HasIndex(l => new { l.ClientId, l.Season }).IsUnique();
    }
}

internal sealed class RankListRevisionConfiguration : IEntityTypeConfiguration<RankListRevision>
{
    public void Configure(EntityTypeBuilder<RankListRevision> revision)
    {
        revision.Property(r => r.Ranking).HasMaxLength(8000);
        revision.Property(r => r.Change).HasMaxLength(2000);
        revision.Ignore(r => r.Order);
        revision.HasOne(r => r.Client).WithMany().HasForeignKey(r => r.ClientId).OnDelete(DeleteBehavior.Cascade);
        revision.HasOne(r => r.By).WithMany().HasForeignKey(r => r.ById).OnDelete(DeleteBehavior.SetNull);
        revision.HasIndex(r => new { r.RankListId, r.Number }).IsUnique();
    }
}

internal sealed class LetterAssignmentConfiguration : IEntityTypeConfiguration<LetterAssignment>
{
    public void Configure(EntityTypeBuilder<LetterAssignment> assignment)
    {
        assignment.HasOne(a => a.Client).WithMany().HasForeignKey(a => a.ClientId).OnDelete(DeleteBehavior.Cascade);
        assignment.HasOne(a => a.LetterRequest).WithMany(l => l.Assignments).HasForeignKey(a => a.LetterRequestId).OnDelete(DeleteBehavior.Cascade);
        assignment.HasOne(a => a.Application).WithMany().HasForeignKey(a => a.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        assignment.HasIndex(a => new { a.LetterRequestId, a.ApplicationId }).IsUnique();
        assignment.HasIndex(a => a.ApplicationId);
    }
}

internal sealed class SeasonSignalLimitConfiguration : IEntityTypeConfiguration<SeasonSignalLimit>
{
    public void Configure(EntityTypeBuilder<SeasonSignalLimit> limit)
    {
        limit.Property(l => l.Specialty).HasMaxLength(100);
        limit.HasIndex(l => new { l.SeasonId, l.Specialty }).IsUnique();
    }
}
