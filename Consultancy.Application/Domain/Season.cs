using System.Globalization;
using System.Text.RegularExpressions;
using Consultancy.Application.Common.Exceptions;

namespace Consultancy.Application.Domain;

/// <summary>
/// One application cycle of one matching system, e.g. "ERAS 2028", with the dates everything else is
/// planned from. Dates change every year, so they are data an admin edits, never constants. Its invite expectation
/// decides which clients the dashboard counts as at risk, so a change to it drops the kept totals.
/// </summary>
public sealed class Season : ICaseloadCounted
{
    public int Id { get; private set; }
    public TargetSystem System { get; private set; }
    public string Name { get; set; } = "";
    public List<SeasonKeyDate> KeyDates { get; private set; } = [];

    /// <summary>ERAS program signals each specialty allows this cycle; they change every cycle, so they are data.</summary>
    public List<SeasonSignalLimit> SignalLimits { get; private set; } = [];

    /// <summary>A client with fewer than <see cref="MinimumInvites"/> interview invites by this date is at risk.</summary>
    public DateOnly? InvitesExpectedBy { get; private set; }
    public int? MinimumInvites { get; private set; }

    private Season() { }

    public Season(TargetSystem system, string name)
    {
        System = system;
        Name = name;
    }

    public SeasonKeyDate? KeyDate(string key) => KeyDates.FirstOrDefault(k => k.Key == key);

    /// <summary>Sets when invites are expected by and how many make a client safe; the two go together, or neither is set.</summary>
    public void ExpectInvites(DateOnly? by, int? minimum)
    {
        if ((by is null) != (minimum is null))
            throw new BusinessRuleException("Set both the date invites are expected by and the minimum number of invites, or clear both.");
        InvitesExpectedBy = by;
        MinimumInvites = minimum;
    }

    /// <summary>
    /// Adds the limits of a specialty (<paramref name="limit"/> null) or changes a row. One row per specialty, compared
    /// as the applications page compares them: ignoring case.
    /// </summary>
    public SeasonSignalLimit SetSignalLimits(SeasonSignalLimit? limit, string specialty, int? signals, int? gold, int? silver)
    {
        if (SignalLimits.Any(l => l != limit && string.Equals(l.Specialty, specialty, StringComparison.OrdinalIgnoreCase)))
            throw new BusinessRuleException($"{Name} already has limits for {specialty}: change that row instead.");
        limit ??= AddSignalLimit(specialty);
        limit.Specialty = specialty;
        limit.Signals = signals;
        limit.Gold = gold;
        limit.Silver = silver;
        return limit;
    }

    private SeasonSignalLimit AddSignalLimit(string specialty)
    {
        var limit = new SeasonSignalLimit(specialty, null, null, null);
        SignalLimits.Add(limit);
        return limit;
    }

    /// <summary>The key date applicants certify their rank order list by.</summary>
    public const string RankListKey = "rol-deadline";

    /// <summary>
    /// The calendar year applications are sent in (ERAS 2028 applications go out in 2027): the year of the season's
    /// earliest key date when the season is set up here, else the year in its name less one.
    /// </summary>
    public static int? ApplicationYearOf(DateOnly? firstKeyDate, string? seasonName) =>
        firstKeyDate?.Year ?? ApplicationYearOf(seasonName);

    /// <inheritdoc cref="ApplicationYearOf(DateOnly?, string?)"/>
    public static int? ApplicationYearOf(string? seasonName) =>
        seasonName is not null && Regex.Match(seasonName, @"\b(20\d\d)\b") is { Success: true } match
            ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) - 1
            : null;
}

/// <summary>How many program signals of each tier one specialty allows in a season (a single-tier specialty uses only <see cref="Signals"/>).</summary>
public sealed class SeasonSignalLimit
{
    public int Id { get; private set; }
    public int SeasonId { get; private set; }
    public string Specialty { get; set; } = "";
    public int? Signals { get; set; }
    public int? Gold { get; set; }
    public int? Silver { get; set; }

    private SeasonSignalLimit() { }

    public SeasonSignalLimit(string specialty, int? signals, int? gold, int? silver)
    {
        Specialty = specialty;
        Signals = signals;
        Gold = gold;
        Silver = silver;
    }
}

/// <summary>A named date of a season, e.g. "MyERAS opens" on 3 Jun 2026.</summary>
public sealed class SeasonKeyDate
{
    public int Id { get; private set; }
    public int SeasonId { get; private set; }

    /// <summary>Stable identifier playbook items anchor to, e.g. "myeras-opens".</summary>
    public string Key { get; private set; } = "";
    public string Name { get; set; } = "";
    public DateOnly Date { get; set; }

    /// <summary>Shipped from published or inferred calendars; an admin clears it after checking the official one.</summary>
    public bool VerifyBeforeUse { get; set; }
    public string? Source { get; set; }

    private SeasonKeyDate() { }

    public SeasonKeyDate(string key, string name, DateOnly date, bool verifyBeforeUse, string? source)
    {
        Key = key;
        Name = name;
        Date = date;
        VerifyBeforeUse = verifyBeforeUse;
        Source = source;
    }
}

/// <summary>The standard plan for one system: deadlines placed relative to the season's key dates.</summary>
public sealed class Playbook
{
    public int Id { get; private set; }
    public TargetSystem System { get; private set; }
    public string Name { get; set; } = "";
    public List<PlaybookItem> Items { get; private set; } = [];

    private Playbook() { }

    public Playbook(TargetSystem system, string name)
    {
        System = system;
        Name = name;
    }
}

public sealed class PlaybookItem
{
    public int Id { get; private set; }
    public int PlaybookId { get; private set; }
    public string Title { get; set; } = "";
    public DeadlineCategory Category { get; set; }

    /// <summary>The <see cref="SeasonKeyDate.Key"/> this item is placed from.</summary>
    public string AnchorKey { get; set; } = "";

    /// <summary>Days after the anchor date; negative means before it.</summary>
    public int OffsetDays { get; set; }
    public string? Description { get; set; }

    /// <summary>A profile fact that already meets this step: for a client who has it, the step is planned done.</summary>
    public ProfileCondition MetWhen { get; set; }

    public DateOnly DueDateIn(Season season) =>
        (season.KeyDate(AnchorKey) ?? throw new InvalidOperationException($"{season.Name} has no key date '{AnchorKey}'.")).Date.AddDays(OffsetDays);
}
