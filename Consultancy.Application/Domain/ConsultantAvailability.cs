namespace Consultancy.Application.Domain;

/// <summary>A stretch of wall-clock time within one day, e.g. 09:00–12:30.</summary>
public sealed record TimeRange(TimeOnly Start, TimeOnly End)
{
    public bool IsValid => End > Start;
}

/// <summary>Bookable hours on one weekday, in the consultant's own time zone.</summary>
public sealed record WeeklyHours(DayOfWeek Day, TimeOnly Start, TimeOnly End);

/// <summary>
/// Hours that replace the weekly hours on one date. A date listed with no range at all (both times null)
/// is a day off.
/// </summary>
public sealed record DateOverride(DateOnly Date, TimeOnly? Start, TimeOnly? End);

/// <summary>Days away, first and last day included.</summary>
public sealed record TimeOff(DateOnly From, DateOnly To);

/// <summary>
/// When and how a consultant takes free strategy calls on the public booking page. All times are the
/// consultant's wall-clock times in their own time zone.
/// </summary>
public sealed class ConsultantAvailability
{
    public const int DefaultCallMinutes = 30;
    public const int DefaultMinimumNoticeHours = 12;
    public const int DefaultHorizonDays = 30;

    /// <summary>The consultant (their profile id).</summary>
    public string ConsultantId { get; private set; } = "";
    public UserProfile? Consultant { get; private set; }

    /// <summary>Shown on the booking page, e.g. "Maya Patel, ERAS and NRMP advisor".</summary>
    public string PublicName { get; set; } = "";
    /// <summary>The page's address part: /book/{slug}.</summary>
    public string Slug { get; set; } = "";
    /// <summary>Where calls happen, e.g. the consultant's video-call room; goes into every invite.</summary>
    public string? MeetingLink { get; set; }
    /// <summary>Visitors see this consultant on /book.</summary>
    public bool IsBookable { get; set; }

    public int CallMinutes { get; set; } = DefaultCallMinutes;
    /// <summary>Free minutes kept before and after every call.</summary>
    public int BufferMinutes { get; set; }
    public int MinimumNoticeHours { get; set; } = DefaultMinimumNoticeHours;
    public int HorizonDays { get; set; } = DefaultHorizonDays;

    public List<WeeklyHours> Weekly { get; set; } = [];
    public List<DateOverride> Overrides { get; set; } = [];
    public List<TimeOff> TimeOff { get; set; } = [];

    public DateTime UpdatedAt { get; set; }

    private ConsultantAvailability() { }

    public ConsultantAvailability(string consultantId, string publicName, string slug, DateTime now)
    {
        ConsultantId = consultantId;
        PublicName = publicName;
        Slug = slug;
        UpdatedAt = now;
    }

    public TimeSpan CallLength => TimeSpan.FromMinutes(CallMinutes);
    public TimeSpan Buffer => TimeSpan.FromMinutes(BufferMinutes);

    /// <summary>The consultant's bookable ranges on a date of their own calendar: time off, then overrides, then the week.</summary>
    public IReadOnlyList<TimeRange> RangesOn(DateOnly date)
    {
        if (TimeOff.Any(t => t.From <= date && date <= t.To)) return [];
        var overrides = Overrides.Where(o => o.Date == date).ToList();
        if (overrides.Count > 0)
            return overrides.Where(o => o is { Start: not null, End: not null })
                .Select(o => new TimeRange(o.Start!.Value, o.End!.Value)).Where(r => r.IsValid).OrderBy(r => r.Start).ToList();
        return Weekly.Where(w => w.Day == date.DayOfWeek)
            .Select(w => new TimeRange(w.Start, w.End)).Where(r => r.IsValid).OrderBy(r => r.Start).ToList();
    }

    /// <summary>Reserved first parts of /book/… that can never be a consultant's slug.</summary>
    public static readonly IReadOnlySet<string> ReservedSlugs = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "any", "manage" };
}
