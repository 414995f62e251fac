using Consultancy.Application.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Consultancy.Infrastructure.Persistence.Configurations;

internal sealed class ClientConfiguration : IEntityTypeConfiguration<Client>
{
    public void Configure(EntityTypeBuilder<Client> client)
    {
        client.Property(c => c.FirstName).HasMaxLength(100);
        client.Property(c => c.LastName).HasMaxLength(100);
        client.Property(c => c.Email).HasMaxLength(254);
        client.Property(c => c.Phone).HasMaxLength(40);
        client.Property(c => c.Country).HasMaxLength(100);
        client.Property(c => c.TimeZoneId).HasMaxLength(64);
        client.Property(c => c.MedicalSchool).HasMaxLength(200);
        client.Property(c => c.MedicalSchoolCountry).HasMaxLength(100);
        client.Property(c => c.Citizenship).HasMaxLength(100);
        client.Property(c => c.LanguageTest).HasMaxLength(100);
        client.Property(c => c.Season).HasMaxLength(50);
        client.Property(c => c.TargetSpecialties).HasMaxLength(300);
        client.Property(c => c.Tags).HasMaxLength(300);
        client.Property(c => c.SearchText).HasMaxLength(800).UsePropertyAccessMode(PropertyAccessMode.Property);
        client.Property(c => c.ConsultantId).HasMaxLength(450);
        client.Property(c => c.Version).IsConcurrencyToken();
        client.Ignore(c => c.FullName);

        client.HasOne(c => c.Consultant).WithMany().HasForeignKey(c => c.ConsultantId).OnDelete(DeleteBehavior.Restrict);
        client.HasMany(c => c.StageChanges).WithOne(s => s.Client).HasForeignKey(s => s.ClientId);
        client.HasMany(c => c.Notes).WithOne(n => n.Client).HasForeignKey(n => n.ClientId);

        client.HasIndex(c => c.Email).IsUnique();
        // The list's default order, for everyone and for one consultant's caseload. Each also carries every
        // column the list filters on, so a page and its total are read from the index alone: looking rows up
        // in the table costs several times more than walking the whole index.
        client.HasIndex(c => new { c.IsArchived, c.LastName, c.FirstName, c.Id, c.ConsultantId, c.Stage, c.TargetSystem, c.Season, c.Tags, c.SearchText })
            .HasDatabaseName("IX_Clients_List");
        client.HasIndex(c => new { c.ConsultantId, c.IsArchived, c.LastName, c.FirstName, c.Id, c.Stage, c.TargetSystem, c.Season, c.Tags, c.SearchText })
            .HasDatabaseName("IX_Clients_CaseloadList");
        // The list's season choices, grouped in index order.
        client.HasIndex(c => new { c.Season, c.ConsultantId });
        client.HasIndex(c => new { c.IsArchived, c.UpdatedAt });
        // The board's columns: each stage's most recently updated clients, for everyone and for one caseload. Not led
        // by IsArchived: the filter "not archived" is no equality SQLite can seek on, so the walk in date order would
        // break up; the few archived clients met on the way are skipped.
        client.HasIndex(c => new { c.Stage, c.UpdatedAt });
        client.HasIndex(c => new { c.ConsultantId, c.Stage, c.UpdatedAt });
        client.HasIndex(c => new { c.IsArchived, c.Stage, c.LastName });
        client.HasIndex(c => new { c.IsArchived, c.Season, c.LastName });
        client.HasIndex(c => new { c.IsArchived, c.TargetSystem, c.LastName });
    }
}
