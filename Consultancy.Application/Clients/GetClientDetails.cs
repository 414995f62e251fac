using AutoMapper;
using AutoMapper.QueryableExtensions;
using Consultancy.Application.Common.Exceptions;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Application.Clients;

/// <param name="Activity">Whose entries the activity timeline shows.</param>
public sealed record GetClientDetails(int Id, ActivityFilter Activity = ActivityFilter.All) : IRequest<ClientDetails>;

/// <summary>
/// The timeline's entries by who made them: a signed-in person (edits, notes, status changes) or the app itself
/// (reminders sent, background season plans, follow-ups).
/// </summary>
public enum ActivityFilter
{
    All = 0,
    People = 1,
    System = 2,
}

public sealed record ClientDetails(
    ClientProfile Profile,
    IReadOnlyList<StageChangeItem> StageHistory,
    IReadOnlyList<NoteItem> Notes,
    IReadOnlyList<TimelineItem> Timeline)
{
    public ClientPathway Pathway { get; init; } = new([], 0, null);
}

/// <summary>
/// What the fit check reads besides the profile: the clinical experience, and the years since graduation in the
/// calendar year the client's applications go out (<see cref="ApplicationYear"/>, from their season).
/// </summary>
/// <param name="ApplicationSeason">The season the year comes from; null when the client has none that names a year (then it is this year).</param>
public sealed record ClientPathway(IReadOnlyList<ClinicalExperienceItem> ClinicalExperiences, int ApplicationYear, string? ApplicationSeason)
{
    public int? GraduationYear { get; init; }
    public int? YearsSinceGraduation => Client.YearsBetween(GraduationYear, ApplicationYear);
    public int ClinicalExperienceMonths => ClinicalExperiences.Sum(e => e.Months);
    public int HandsOnMonths => ClinicalExperiences.Where(e => ClinicalExperience.IsHandsOn(e.Kind)).Sum(e => e.Months);
}

public sealed record ClinicalExperienceItem(int Id, ClinicalExperienceKind Kind, string Place, int Months);

public sealed record ClientProfile
{
    public int Id { get; init; }
    public string FirstName { get; init; } = "";
    public string LastName { get; init; } = "";
    public string Email { get; init; } = "";
    public string? Phone { get; init; }
    public string? Country { get; init; }
    public string TimeZoneId { get; init; } = "";
    public string? MedicalSchool { get; init; }
    public string? MedicalSchoolCountry { get; init; }
    public int? GraduationYear { get; init; }
    public ImgType ImgType { get; init; }
    public string? Citizenship { get; init; }
    public VisaNeed VisaNeed { get; init; }
    public ExamResult Step1Result { get; init; }
    public DateOnly? Step1Date { get; init; }
    public int? Step2CkScore { get; init; }
    public DateOnly? Step2CkDate { get; init; }
    public int? Step1Attempts { get; init; }
    public int? Step2CkAttempts { get; init; }
    public ExamResult Step3Result { get; init; }
    public ExamResult Mccqe1Result { get; init; }
    public int? Mccqe1Attempts { get; init; }
    public ExamResult OetResult { get; init; }
    public DateOnly? OetDate { get; init; }
    public ExamResult NacOsceResult { get; init; }
    public string? LanguageTest { get; init; }
    public EcfmgStatus EcfmgStatus { get; init; }
    public TargetSystem TargetSystem { get; init; }
    public string? Season { get; init; }
    public string? TargetSpecialties { get; init; }
    public int? ProgramsPlanned { get; init; }
    public ClientSource Source { get; init; }
    public string Tags { get; init; } = "";
    public ClientStage Stage { get; init; }
    public string ConsultantId { get; init; } = "";
    public string? ConsultantDisplayName { get; init; }
    public bool IsArchived { get; init; }
    public DateTime? ErasedAt { get; init; }
    public bool IsErased => ErasedAt is not null;
    public bool RemindersOptedOut { get; init; }
    public DateTime? RemindersOptedOutAt { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; init; }

    public string FullName => $"{FirstName} {LastName}";

    internal sealed class Mapping : Profile
    {
        public Mapping() => CreateMap<Client, ClientProfile>();
    }
}

public sealed record StageChangeItem(ClientStage? FromStage, ClientStage ToStage, DateTime ChangedAt, string? ChangedBy);

public sealed record NoteItem(int Id, string Body, DateTime CreatedAt, string? Author);

public sealed record TimelineItem(string EntityType, AuditAction Action, DateTime At, string? User, IReadOnlyList<AuditFieldChange> Changes);

internal sealed class GetClientDetailsHandler(IAppDbContext db, IMapper mapper, TimeProvider clock) : IRequestHandler<GetClientDetails, ClientDetails>
{
    private const int TimelineLength = 100;

    public async Task<ClientDetails> Handle(GetClientDetails request, CancellationToken ct)
    {
        var profile = await db.Clients.Where(c => c.Id == request.Id)
            .ProjectTo<ClientProfile>(mapper.ConfigurationProvider)
            .SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException(nameof(Client), request.Id);

        var stages = await db.ClientStageChanges.Where(s => s.ClientId == request.Id)
            .OrderByDescending(s => s.ChangedAt).ThenByDescending(s => s.Id)
            .Select(s => new StageChangeItem(s.FromStage, s.ToStage, s.ChangedAt, s.ChangedBy!.DisplayName))
            .ToListAsync(ct);
        var notes = await db.ClientNotes.Where(n => n.ClientId == request.Id)
            .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Select(n => new NoteItem(n.Id, n.Body, n.CreatedAt, n.Author!.DisplayName))
            .ToListAsync(ct);
        var entries = db.AuditEntries.Where(a => a.ClientId == request.Id);
        entries = request.Activity switch
        {
            ActivityFilter.People => entries.Where(a => a.UserId != null),
            ActivityFilter.System => entries.Where(a => a.UserId == null),
            _ => entries,
        };
        var timeline = await entries
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Take(TimelineLength)
            .Select(a => new TimelineItem(a.EntityType, a.Action, a.At, a.User!.DisplayName, a.Changes))
            .ToListAsync(ct);

        var experiences = await db.ClinicalExperiences.Where(e => e.ClientId == request.Id)
            .OrderBy(e => e.Id)
            .Select(e => new ClinicalExperienceItem(e.Id, e.Kind, e.Place, e.Months))
            .ToListAsync(ct);
        var (year, season) = await ApplicationYearAsync(profile.Season, ct);

        return new ClientDetails(profile, stages, notes, await WithConsultantNamesAsync(timeline, ct))
        {
            Pathway = new ClientPathway(experiences, year, season) { GraduationYear = profile.GraduationYear },
        };
    }

    /// <summary>
    /// The year the client's applications go out: their season's (its earliest key date, when the season is set up
    /// here), else the year its name implies ("ERAS 2028" → 2027), else this year.
    /// </summary>
    private async Task<(int Year, string? Season)> ApplicationYearAsync(string? seasonName, CancellationToken ct)
    {
        if (seasonName is not null)
        {
            var firstKeyDate = await db.Seasons.Where(s => s.Name == seasonName).Select(s => s.KeyDates.Min(k => (DateOnly?)k.Date)).SingleOrDefaultAsync(ct);
            if (Season.ApplicationYearOf(firstKeyDate, seasonName) is { } year) return (year, seasonName);
        }
        return (clock.GetUtcNow().Year, null);
    }

    /// <summary>Reassignments are audited as user ids; the timeline shows who those users are.</summary>
    private async Task<List<TimelineItem>> WithConsultantNamesAsync(List<TimelineItem> timeline, CancellationToken ct)
    {
        var ids = timeline.SelectMany(t => t.Changes)
            .Where(c => c.Field == nameof(Client.ConsultantId))
            .SelectMany(c => new[] { c.From, c.To }).OfType<string>().Distinct().ToList();
        if (ids.Count == 0) return timeline;

        var names = await db.UserProfiles.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        string? Name(string? id) => id is not null && names.TryGetValue(id, out var name) ? name : id;
        return timeline.Select(t => t with
        {
            Changes = t.Changes.Select(c => c.Field == nameof(Client.ConsultantId) ? c with { From = Name(c.From), To = Name(c.To) } : c).ToList(),
        }).ToList();
    }
}
