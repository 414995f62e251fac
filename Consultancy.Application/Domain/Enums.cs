using System.ComponentModel.DataAnnotations;

namespace Consultancy.Application.Domain;

public enum ClientStage
{
    Lead = 0,
    [Display(Name = "Call booked")] CallBooked = 1,
    Onboarding = 2,
    Documents = 3,
    Applied = 4,
    Interviewing = 5,
    [Display(Name = "Rank list submitted")] RankListSubmitted = 6,
    Matched = 7,
    Unmatched = 8,
    Withdrawn = 9,
}

public enum ImgType
{
    [Display(Name = "Non-US IMG")] NonUsImg = 0,
    [Display(Name = "US IMG")] UsImg = 1,
    [Display(Name = "Canadian IMG")] CanadianImg = 2,
    [Display(Name = "Domestic graduate")] Domestic = 3,
}

public enum TargetSystem
{
    [Display(Name = "ERAS/NRMP")] ErasNrmp = 0,
    CaRMS = 1,
    [Display(Name = "ERAS/NRMP and CaRMS")] Both = 2,
}

public enum VisaNeed
{
    [Display(Name = "None (citizen or permanent resident)")] None = 0,
    [Display(Name = "J-1")] J1 = 1,
    [Display(Name = "H-1B")] H1B = 2,
    [Display(Name = "J-1 or H-1B")] J1OrH1B = 3,
    Undecided = 4,
}

public enum ExamResult
{
    [Display(Name = "Not taken")] NotTaken = 0,
    Scheduled = 1,
    Pass = 2,
    Fail = 3,
}

public enum EcfmgStatus
{
    [Display(Name = "Not started")] NotStarted = 0,
    [Display(Name = "In progress")] InProgress = 1,
    Certified = 2,
    [Display(Name = "Not applicable")] NotApplicable = 3,
}

public enum ClientSource
{
    Website = 0,
    [Display(Name = "Strategy call booking")] Booking = 1,
    Referral = 2,
    [Display(Name = "Social media")] SocialMedia = 3,
    Webinar = 4,
    Other = 5,
}

public enum UserRole
{
    Consultant = 0,
    Admin = 1,
}
