using System.Text.Json;
using Consultancy.Application.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Consultancy.Infrastructure.Persistence.Configurations;

internal sealed class ConsultantAvailabilityConfiguration : IEntityTypeConfiguration<ConsultantAvailability>
{
    public void Configure(EntityTypeBuilder<ConsultantAvailability> availability)
    {
        availability.ToTable("ConsultantAvailabilities");
        availability.HasKey(a => a.ConsultantId);
        availability.Property(a => a.ConsultantId).HasMaxLength(450);
        availability.HasOne(a => a.Consultant).WithOne().HasForeignKey<ConsultantAvailability>(a => a.ConsultantId).OnDelete(DeleteBehavior.Cascade);
        availability.Property(a => a.PublicName).HasMaxLength(120);
        availability.Property(a => a.Slug).HasMaxLength(60);
        availability.Property(a => a.MeetingLink).HasMaxLength(500);
        availability.HasIndex(a => a.Slug).IsUnique();
        availability.Ignore(a => a.CallLength);
        availability.Ignore(a => a.Buffer);
        // Small lists read and written with their consultant, never queried on their own: one JSON column each.
        availability.Property(a => a.Weekly).HasConversion(JsonList<WeeklyHours>.Converter, JsonList<WeeklyHours>.Comparer).HasMaxLength(4000);
        availability.Property(a => a.Overrides).HasConversion(JsonList<DateOverride>.Converter, JsonList<DateOverride>.Comparer).HasMaxLength(8000);
        availability.Property(a => a.TimeOff).HasConversion(JsonList<TimeOff>.Converter, JsonList<TimeOff>.Comparer).HasMaxLength(4000);
    }
}

internal sealed class StrategyCallConfiguration : IEntityTypeConfiguration<StrategyCall>
{
    /// <summary>The index that makes a double booking impossible: one live call per consultant and start time.</summary>
    public const string OneCallPerStartIndex = "IX_StrategyCalls_OneLiveCallPerStart";

    public void Configure(EntityTypeBuilder<StrategyCall> call)
    {
        call.ToTable("StrategyCalls");
        call.Property(c => c.ConsultantId).HasMaxLength(450);
        call.Property(c => c.Topic).HasMaxLength(2000);
        call.Property(c => c.MeetingLink).HasMaxLength(500);
        call.Property(c => c.OutcomeNotes).HasMaxLength(4000);
        call.Property(c => c.Uid).HasMaxLength(100);
        call.Property(c => c.Version).IsConcurrencyToken();
        call.Ignore(c => c.Length);
        call.Ignore(c => c.IsBooked);
        call.Ignore(c => c.TakesTime);
        call.HasOne(c => c.Client).WithMany().HasForeignKey(c => c.ClientId).OnDelete(DeleteBehavior.Cascade);
        call.HasOne(c => c.Consultant).WithMany().HasForeignKey(c => c.ConsultantId).OnDelete(DeleteBehavior.Restrict);

        // Cancelled calls free their time, so they are left out of the constraint. Status 3 is Cancelled.
        call.HasIndex(c => new { c.ConsultantId, c.StartUtc }).IsUnique()
            .HasFilter($"\"Status\" <> {(int)CallStatus.Cancelled}")
            .HasDatabaseName(OneCallPerStartIndex);
        call.HasIndex(c => c.Uid).IsUnique();
        call.HasIndex(c => new { c.ConsultantId, c.Status, c.StartUtc });
        call.HasIndex(c => new { c.ClientId, c.StartUtc });
        call.HasIndex(c => new { c.StartUtc, c.Status });
    }
}

internal static class JsonList<T>
{
    public static readonly Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<List<T>, string> Converter = new(
        list => JsonSerializer.Serialize(list, (JsonSerializerOptions?)null),
        text => JsonSerializer.Deserialize<List<T>>(text, (JsonSerializerOptions?)null) ?? new List<T>());

    public static readonly ValueComparer<List<T>> Comparer = new(
        (a, b) => a != null && b != null && a.SequenceEqual(b),
        list => list.Aggregate(0, (hash, item) => HashCode.Combine(hash, item)),
        list => list.ToList());
}
