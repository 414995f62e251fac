namespace Consultancy.Application.Domain;

/// <summary>
/// A residency program of the consultancy's shared directory, with what it asks of applicants. Programs change their
/// requirements every cycle, so the record says who last verified it and when. Not a client's record: every consultant
/// sees the whole directory.
/// </summary>
public sealed class ResidencyProgram
{
    public int Id { get; private set; }
    public string Name { get; set; } = "";
    public string? Institution { get; set; }
    public string Specialty { get; set; } = "";
    public string? City { get; set; }
    public string? StateOrProvince { get; set; }
    public string Country { get; set; } = "";
    public ProgramSystem System { get; set; }
    /// <summary>The ACGME/ERAS program number, or the CaRMS program stream.</summary>
    public string? Identifier { get; set; }
    public ProgramType Type { get; set; }
    public int? PositionsPerYear { get; set; }
    /// <summary>Share of current residents who are IMGs, in percent (0–100): the best single sign of an IMG-friendly program.</summary>
    public int? ImgSharePercent { get; set; }
    public int? ImgShareYear { get; set; }
    public VisaSponsorship VisaSponsorship { get; set; }
    /// <summary>IANA zone interviews are scheduled in.</summary>
    public string TimeZoneId { get; set; } = "America/New_York";

    public int? MinimumStep2CkScore { get; set; }
    public int? MaximumYearsSinceGraduation { get; set; }
    /// <summary>Most attempts accepted on any licensing exam (1 = first-attempt passes only); null when the program does not say.</summary>
    public int? MaximumAttempts { get; set; }
    public ClinicalExperienceRequirement ClinicalExperience { get; set; }
    /// <summary>ECFMG certification needed by the rank-list deadline; null when unknown.</summary>
    public bool? EcfmgCertificationByRankDeadline { get; set; }

    public string? Website { get; set; }
    public string? Notes { get; set; }
    public string? VerifiedById { get; private set; }
    public UserProfile? VerifiedBy { get; private set; }
    public DateTime? VerifiedAt { get; private set; }

    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>Lower-case text the directory's search matches: derived from the fields on every save, so never stale.</summary>
    public string SearchText
    {
        get => $"{Name} {Institution} {City} {StateOrProvince} {Identifier} {Specialty}".ToLowerInvariant();
        private set { }
    }

    private ResidencyProgram() { }

    public ResidencyProgram(DateTime now)
    {
        CreatedAt = now;
        UpdatedAt = now;
    }

    public void MarkVerified(string? byUserId, DateTime now)
    {
        VerifiedById = byUserId;
        VerifiedAt = now;
    }

    /// <summary>
    /// Stamps a saved change: the updated time, and a new version, so an edit started from the version before it is
    /// refused instead of overwriting it.
    /// </summary>
    public void RecordChange(DateTime now)
    {
        UpdatedAt = now;
        Version = Guid.NewGuid();
    }
}
