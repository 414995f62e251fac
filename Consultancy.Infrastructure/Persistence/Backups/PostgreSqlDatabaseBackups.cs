using Consultancy.Application.Common.Exceptions;
using Consultancy.Application.Common.Interfaces;

namespace Consultancy.Infrastructure.Persistence.Backups;

/// <summary>On PostgreSQL the database server is backed up with its own tools, not copied by the app.</summary>
internal sealed class PostgreSqlDatabaseBackups : IDatabaseBackups
{
    public string NotTakenHereBecause =>
        "This app runs on PostgreSQL: back the database up with pg_dump (or your database host's snapshots), " +
        "as docs/postgresql-and-instances.md describes.";

    public Task<string> CreateAsync(string fileName, CancellationToken ct) => throw new ValidationException("", NotTakenHereBecause);
}
