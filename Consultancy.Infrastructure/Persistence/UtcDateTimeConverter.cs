using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Consultancy.Infrastructure.Persistence;

/// <summary>
/// Every DateTime the app stores is a UTC instant. SQLite hands them back unspecified, so they are marked on the
/// way out; PostgreSQL's timestamp-with-time-zone columns refuse an unspecified one, so they are marked on the way in.
/// </summary>
internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    toStore => toStore.Kind == DateTimeKind.Local ? toStore.ToUniversalTime() : DateTime.SpecifyKind(toStore, DateTimeKind.Utc),
    fromStore => DateTime.SpecifyKind(fromStore, DateTimeKind.Utc));
