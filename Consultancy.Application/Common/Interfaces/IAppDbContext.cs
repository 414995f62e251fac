using Consultancy.Application.Domain;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Application.Common.Interfaces;

public interface IAppDbContext
{
    DbSet<Client> Clients { get; }
    DbSet<ClientNote> ClientNotes { get; }
    DbSet<ClientStageChange> ClientStageChanges { get; }
    DbSet<AuditEntry> AuditEntries { get; }
    DbSet<UserProfile> UserProfiles { get; }
    DbSet<Deadline> Deadlines { get; }
    DbSet<OutboxMessage> OutboxMessages { get; }
    DbSet<Season> Seasons { get; }
    DbSet<SeasonPlanRun> SeasonPlanRuns { get; }
    DbSet<SeasonKeyDate> SeasonKeyDates { get; }
    DbSet<Playbook> Playbooks { get; }
    DbSet<PlaybookItem> PlaybookItems { get; }
    DbSet<ConsultantAvailability> ConsultantAvailabilities { get; }
    DbSet<StrategyCall> StrategyCalls { get; }
    DbSet<LetterRequest> LetterRequests { get; }
    DbSet<LetterRequestTemplate> LetterRequestTemplates { get; }
    DbSet<SecurityEvent> SecurityEvents { get; }
    DbSet<SecurityPolicy> SecurityPolicies { get; }
    DbSet<ResidencyProgram> ResidencyPrograms { get; }
    DbSet<ClinicalExperience> ClinicalExperiences { get; }
    DbSet<ProgramApplication> ProgramApplications { get; }
    DbSet<InterviewCriterion> InterviewCriteria { get; }
    DbSet<InterviewScore> InterviewScores { get; }
    DbSet<RankOrderList> RankOrderLists { get; }
    DbSet<RankListRevision> RankListRevisions { get; }
    DbSet<LetterAssignment> LetterAssignments { get; }
    DbSet<SeasonSignalLimit> SeasonSignalLimits { get; }

    /// <summary>
    /// The clients (caseload rule applied) whose search text — name, email, medical school — contains
    /// <paramref name="term"/>, case-insensitively. The store answers from a text index where it has one.
    /// </summary>
    IQueryable<Client> ClientsMatching(string term);

    /// <summary>
    /// The distinct seasons of <paramref name="clients"/> (a query over <see cref="Clients"/>), found by stepping
    /// through the season index one season at a time rather than reading every client.
    /// </summary>
    IQueryable<string> SeasonsOf(IQueryable<Client> clients);

    /// <summary>
    /// History entries (caseload rule applied) whose changed values mention <paramref name="text"/>, ignoring ASCII
    /// case; for finding what an erasure must redact.
    /// </summary>
    IQueryable<AuditEntry> AuditEntriesMentioning(string text);

    /// <summary>
    /// Every record of the client, of every kind in the model that implements <see cref="IClientOwned"/> (the client's
    /// own row included), and every record that refers to one of them (an email to a consultant about the client's
    /// call, filed under no client). Tracked, caseload rule applied.
    /// </summary>
    Task<IReadOnlyList<IClientOwned>> RecordsOfClientAsync(int clientId, CancellationToken ct);

    /// <summary>Deletes a record of any kind on the next save.</summary>
    void Delete(object record);

    /// <summary>
    /// After erased data was committed: makes sure no older copy of it survives in the store's files (search index
    /// segments, write-ahead log). Answers false when another reader kept part of the log from being cleared; the
    /// next checkpoint clears it.
    /// </summary>
    Task<bool> ExpungeErasedDataAsync(CancellationToken ct);

    /// <summary>
    /// Marks up to <paramref name="batchSize"/> due pending emails that nobody holds (or whose lease ended before
    /// <paramref name="now"/>) as held by <paramref name="token"/> until <paramref name="leaseEnd"/>, counting an
    /// attempt on each, earliest due first. Two callers never hold the same email, whichever app instance they run in.
    /// </summary>
    Task<int> ClaimDueOutboxAsync(Guid token, DateTime now, DateTime leaseEnd, int batchSize, CancellationToken ct);

    /// <summary>
    /// Begins the transaction of a calendar change (check a calendar, then book or move a call) once no other calendar
    /// change runs, in this app instance or another: the check sees every call committed before it.
    /// </summary>
    Task<ITransaction> BeginCalendarChangeAsync(CancellationToken ct);

    /// <summary>
    /// Begins a transaction, so several saves count together or not at all. Inside one that is already open (a use
    /// case called by another), it joins that one: committing is then the outer one's to do.
    /// </summary>
    Task<ITransaction> BeginTransactionAsync(CancellationToken ct);

    /// <summary>Lets go of every record loaded or saved so far, so a long import's later saves stay small.</summary>
    void ForgetTrackedRecords();

    Task<int> SaveChangesAsync(CancellationToken ct);
}
