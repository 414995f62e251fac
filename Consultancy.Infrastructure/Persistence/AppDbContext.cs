using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using Consultancy.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Infrastructure.Persistence;

public sealed class AppDbContext(DbContextOptions<AppDbContext> options, ICurrentUser currentUser)
    : IdentityDbContext<AppUser>(options), IAppDbContext
{
    // The caseload rule, fixed for the life of this context (one per request or job run; never pooled):
    // admins and the system see every client, a consultant only their own, anyone else nothing.
    private readonly bool _seesAllClients = currentUser.SeesAllClients;
    private readonly string? _consultantId = currentUser.UserId;

    public DbSet<Client> Clients => Set<Client>();
    public DbSet<ClientNote> ClientNotes => Set<ClientNote>();
    public DbSet<ClientStageChange> ClientStageChanges => Set<ClientStageChange>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<UserProfile> UserProfiles => Set<UserProfile>();


    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);

        builder.Entity<Client>().HasQueryFilter(c => _seesAllClients || c.ConsultantId == _consultantId);
        builder.Entity<ClientNote>().HasQueryFilter(n => _seesAllClients || n.Client!.ConsultantId == _consultantId);
        builder.Entity<ClientStageChange>().HasQueryFilter(s => _seesAllClients || s.Client!.ConsultantId == _consultantId);
        builder.Entity<AuditEntry>().HasQueryFilter(a => _seesAllClients || a.Client!.ConsultantId == _consultantId);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        // Every DateTime is a UTC instant; SQLite returns them unspecified, so mark them on the way out.
        builder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        builder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }
}
