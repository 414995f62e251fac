using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using Consultancy.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Consultancy.Benchmarks.Reminders.Instrumentation;

/// <summary>
/// The real context, with its saves timed: in a dispatcher run the only save is the audit entry of a sent
/// reminder, so the phase runs from the end of the mark (the entry is added just before) to the end of the save.
/// </summary>
internal sealed class TimedAppDbContext(AppDbContext inner, PhaseTimer phases) : IAppDbContext
{
    public DbSet<Client> Clients => inner.Clients;
    public DbSet<ClientNote> ClientNotes => inner.ClientNotes;
    public DbSet<ClientStageChange> ClientStageChanges => inner.ClientStageChanges;
    public DbSet<AuditEntry> AuditEntries => inner.AuditEntries;
    public DbSet<UserProfile> UserProfiles => inner.UserProfiles;
    public DbSet<Deadline> Deadlines => inner.Deadlines;
    public DbSet<OutboxMessage> OutboxMessages => inner.OutboxMessages;
    public DbSet<Season> Seasons => inner.Seasons;
    public DbSet<SeasonKeyDate> SeasonKeyDates => inner.SeasonKeyDates;
    public DbSet<Playbook> Playbooks => inner.Playbooks;
    public DbSet<PlaybookItem> PlaybookItems => inner.PlaybookItems;
    public DbSet<ConsultantAvailability> ConsultantAvailabilities => inner.ConsultantAvailabilities;
    public DbSet<StrategyCall> StrategyCalls => inner.StrategyCalls;
    public DbSet<LetterRequest> LetterRequests => inner.LetterRequests;
    public DbSet<LetterRequestTemplate> LetterRequestTemplates => inner.LetterRequestTemplates;
    public DatabaseFacade Database => inner.Database;
    public IQueryable<Client> ClientsMatching(string term) => inner.ClientsMatching(term);

    public async Task<int> SaveChangesAsync(CancellationToken ct)
    {
        var saved = await inner.SaveChangesAsync(ct);
        phases.Lap(Phase.Audit);
        return saved;
    }
}
