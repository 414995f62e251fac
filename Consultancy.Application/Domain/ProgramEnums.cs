using System.ComponentModel.DataAnnotations;

namespace Consultancy.Application.Domain;

/// <summary>The matching system a program recruits through.</summary>
public enum ProgramSystem
{
    [Display(Name = "ERAS/NRMP")] ErasNrmp = 0,
    CaRMS = 1,
}

public enum ProgramType
{
    Unknown = 0,
    [Display(Name = "University")] University = 1,
    [Display(Name = "Community-based, university-affiliated")] CommunityUniversityAffiliated = 2,
    Community = 3,
}

public enum VisaSponsorship
{
    Unknown = 0,
    [Display(Name = "J-1")] J1 = 1,
    [Display(Name = "H-1B")] H1B = 2,
    [Display(Name = "J-1 and H-1B")] Both = 3,
    None = 4,
}

/// <summary>What a program asks of an applicant's US or Canadian clinical experience.</summary>
public enum ClinicalExperienceRequirement
{
    Unknown = 0,
    [Display(Name = "Not required")] NotRequired = 1,
    Preferred = 2,
    Required = 3,
}

public enum ClinicalExperienceKind
{
    Observership = 0,
    Externship = 1,
    [Display(Name = "Hands-on elective")] HandsOn = 2,
    Research = 3,
}

public enum ApplicationTier
{
    [Display(Name = "Not set")] None = 0,
    Reach = 1,
    Target = 2,
    Safety = 3,
}

/// <summary>An ERAS program signal sent with the application; some specialties have two tiers (gold and silver).</summary>
public enum ProgramSignal
{
    None = 0,
    Signal = 1,
    Gold = 2,
    Silver = 3,
}

public enum ApplicationStatus
{
    Researching = 0,
    Applied = 1,
    [Display(Name = "Interview invited")] InterviewInvited = 2,
    [Display(Name = "Interview scheduled")] InterviewScheduled = 3,
    Interviewed = 4,
    Ranked = 5,
    Matched = 6,
    [Display(Name = "Not matched")] NotMatched = 7,
    Rejected = 8,
    Withdrawn = 9,
}

public enum InterviewFormat
{
    Virtual = 0,
    [Display(Name = "In person")] InPerson = 1,
}
